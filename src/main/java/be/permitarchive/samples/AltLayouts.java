package be.permitarchive.samples;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import be.permitarchive.samples.SampleDossier.Document;
import be.permitarchive.samples.SampleDossier.Effect;
import be.permitarchive.samples.SampleDossier.Format;
import be.permitarchive.samples.SampleDossier.PlanSpec;
import be.permitarchive.samples.SampleDossier.Typeface;

/**
 * Pages and files of a dossier in the alternative templates: a dossier card, a notification letter and the decision
 * ({@link AltTexts}), set in other fonts (bold monospace, condensed serif, Liberation Sans) and worn by other defects
 * (faded ink, scanner grain, blur, small skews).
 */
final class AltLayouts {

	private AltLayouts() {
	}

	static SampleDossier assemble(int index, Era era, DossierFacts f, Random random) {
		String box = String.format(Locale.ROOT, "ALT-%03d", 1 + index / 20);
		AltTexts.Style style = new AltTexts.Style(random.nextInt(4), random.nextInt(10) < 7, random.nextBoolean(),
				random.nextBoolean());
		Typeface face = switch (era) {
			case TYPEWRITER -> Typeface.MONO_BOLD;
			case WORD_PROCESSOR -> Typeface.SERIF_CONDENSED;
			case BORN_DIGITAL, OMGEVINGSLOKET -> Typeface.SANS_LIBERATION;
		};
		Format format = switch (era) {
			case TYPEWRITER -> random.nextBoolean() ? Format.TIFF_G4 : Format.PDF_JPEG;
			case WORD_PROCESSOR -> random.nextBoolean() ? Format.PDF_FLATE : Format.PDF_JPEG;
			case BORN_DIGITAL -> Format.PDF_TEXT;
			case OMGEVINGSLOKET -> Format.PNG;
		};
		Set<Effect> wear = switch (era) {
			case TYPEWRITER -> EnumSet.of(Effect.FADED, Effect.NOISE, Effect.SPECKLE);
			case WORD_PROCESSOR -> random.nextBoolean() ? EnumSet.of(Effect.NOISE, Effect.PAPER_TONE)
					: EnumSet.of(Effect.BLUR, Effect.SPECKLE);
			case BORN_DIGITAL, OMGEVINGSLOKET -> EnumSet.of(Effect.NOISE);
		};
		int width = Layouts.width(face);
		int maxLines = Layouts.maxLines(face);
		Pages digital = new Pages(random, face, true);
		Pages scanned = new Pages(random, era == Era.BORN_DIGITAL ? Typeface.SERIF_CONDENSED : face);
		Pages main = format == Format.PDF_TEXT ? digital : scanned;
		main.sheet(AltTexts.card(f, width, style, box), maxLines, wear);
		main.sheet(AltTexts.decision(f, width, style), maxLines, wear);
		if (random.nextInt(100) < 70) {
			scanned.sheet(AltTexts.letter(f, Layouts.width(scanned.face), style), Layouts.maxLines(scanned.face), wear);
		}
		if (random.nextInt(100) < 35) {
			List<String> lines = new java.util.ArrayList<>(List.of("Dossier: " + f.reference(),
					f.lots() > 0 ? "Verkavelingsplan" : "Inplantingsplan", f.address().line(),
					f.address().postcode() + " " + f.address().municipality(), "Schaal 1/500",
					"Ontwerper: " + f.architect(), f.address().street()));
			for (int lot = 1; lot <= f.lots(); lot++) {
				lines.add("lot " + lot);
			}
			if (f.lots() == 0) {
				lines.add("woning");
			}
			scanned.plan(lines, new PlanSpec(f.lots()));
		}
		Layouts.Features defects = new Layouts.Features(face, format, Texts.DateStyle.LONG, false,
				random.nextInt(100) < 40 ? random.nextInt(3) : -1, random.nextInt(100) < 8 ? random.nextInt(3) : -1,
				0.25, -1, false, false, false);
		scanned.defects(defects, random);
		if (era != Era.OMGEVINGSLOKET) {
			scanned.duplexBacks(0.25, -1);
		}
		List<Document> documents = Documents.files(era, format, digital.pages(), scanned.pages());
		String folder = String.format(Locale.ROOT, "%04d_%s", index + 1,
				(f.omvNumber() != null ? f.omvNumber() : f.reference()).replaceAll("[/ .]+", "-"));
		return new SampleDossier(folder, f.reference(), f.omvNumber(), f.permitType(), f.decision(), f.decisionDate(),
				f.subject(), f.applicants(), List.of(f.address()), f.parcel().parcels(), documents, box,
				Documents.notes(era, documents));
	}

}
