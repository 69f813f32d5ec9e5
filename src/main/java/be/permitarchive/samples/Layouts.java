package be.permitarchive.samples;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import be.permitarchive.samples.SampleDossier.Document;
import be.permitarchive.samples.SampleDossier.Effect;
import be.permitarchive.samples.SampleDossier.Format;
import be.permitarchive.samples.SampleDossier.Page;
import be.permitarchive.samples.SampleDossier.PlanSpec;
import be.permitarchive.samples.SampleDossier.Typeface;
import be.permitarchive.samples.Texts.DateStyle;

/** Turns the facts of a dossier into pages and files: which sheets, in which order, with which defects. */
final class Layouts {

	/**
	 * How a dossier's pages are made. {@code skewPage} and {@code upsideDownPage} are indexes in the scanned pages
	 * (-1: none); {@code blankProbability} is the chance a duplex sheet has a blank back; {@code forcedBlankAfter}
	 * puts one blank back after that page.
	 */
	record Features(Typeface face, Format format, DateStyle dates, boolean carbon, int skewPage, int upsideDownPage,
			double blankProbability, int forcedBlankAfter, boolean advice, boolean plan, boolean photo) {

		static Features random(Era era, Random random) {
			int skew = random.nextInt(100) < 15 ? random.nextInt(5) : -1;
			int upsideDown = random.nextInt(100) < 6 ? random.nextInt(5) : -1;
			boolean advice = random.nextInt(100) < 50;
			boolean plan = random.nextInt(100) < 30;
			boolean photo = random.nextInt(100) < 12;
			DateStyle dates = DateStyle.values()[random.nextInt(3)];
			return switch (era) {
				case TYPEWRITER -> new Features(Typeface.TYPEWRITER,
						random.nextInt(5) == 0 ? Format.PDF_FLATE : Format.TIFF_G4, dates, random.nextBoolean(), skew,
						upsideDown, 1 / 3.0, -1, advice, plan, photo);
				case WORD_PROCESSOR -> new Features(Typeface.SERIF,
						random.nextInt(3) == 0 ? Format.PDF_FLATE : Format.PDF_JPEG, dates, false, skew, upsideDown,
						1 / 3.0, -1, advice, plan, photo);
				case BORN_DIGITAL -> new Features(Typeface.SANS, Format.PDF_TEXT, DateStyle.LONG, false, skew,
						upsideDown, 1 / 3.0, -1, advice, plan, photo);
				case OMGEVINGSLOKET -> new Features(Typeface.SANS, Format.PNG, DateStyle.SLASH, false, skew, upsideDown,
						0, -1, false, random.nextInt(100) < 70, random.nextInt(100) < 50);
			};
		}

	}

	private Layouts() {
	}

	static SampleDossier assemble(int index, Era era, DossierFacts f, Features features, Random random) {
		String box = String.format(Locale.ROOT, "ZH-%03d", 1 + index / 20);
		int width = width(features.face());
		int maxLines = maxLines(features.face());
		String service = switch (era) {
			case TYPEWRITER -> "Technische Dienst - Bouwzaken";
			case WORD_PROCESSOR, BORN_DIGITAL -> "Dienst Ruimtelijke Ordening";
			case OMGEVINGSLOKET -> "Dienst Omgeving";
		};
		Pages digital = new Pages(random, features.face(), true);
		Pages scanned = new Pages(random, era == Era.BORN_DIGITAL ? Typeface.SERIF : features.face());
		Pages main = features.format() == Format.PDF_TEXT ? digital : scanned;
		Set<Effect> paper = era == Era.OMGEVINGSLOKET ? Set.of() : EnumSet.of(Effect.PAPER_TONE, Effect.SPECKLE);
		main.text(Texts.cover(f, width, service, features.dates(), box).lines(), paper);
		if (era != Era.OMGEVINGSLOKET) {
			scanned.sheet(Texts.application(f, width(scanned.face), features.dates()), maxLines(scanned.face), paper);
		}
		if (features.advice()) {
			String adviser = f.decisionDate().getYear() < 2000 ? "BRANDWEER ZANDHOVEKE"
					: "Agentschap Ruimte Vlaanderen, afdeling Antwerpen";
			scanned.sheet(Texts.advice(f, width(scanned.face), features.dates(), adviser), maxLines(scanned.face), paper);
		}
		Set<Effect> decisionEffects = features.carbon() ? EnumSet.of(Effect.CARBON_FADE, Effect.SPECKLE) : paper;
		main.sheet(Texts.decision(f, width, features.dates()), maxLines, decisionEffects);
		if (features.plan()) {
			scanned.plan(planLines(f, random), new PlanSpec(f.lots()));
		}
		if (features.photo()) {
			scanned.photo(List.of("Foto 1: bestaande toestand, " + f.address().full(),
					"Dossier " + f.reference() + ", genomen op " + features.dates().format(f.applicationDate())));
		}
		scanned.defects(features, random);
		if (era != Era.OMGEVINGSLOKET && era != Era.BORN_DIGITAL) {
			scanned.duplexBacks(features.blankProbability(), features.forcedBlankAfter());
		}
		else if (era == Era.BORN_DIGITAL) {
			scanned.duplexBacks(features.blankProbability(), -1);
		}
		List<Document> documents = Documents.files(era, features.format(), digital.pages(), scanned.pages());
		String folder = String.format(Locale.ROOT, "%04d_%s", index + 1,
				(f.omvNumber() != null ? f.omvNumber() : f.reference()).replace('/', '-').replace(' ', '-'));
		return new SampleDossier(folder, f.reference(), f.omvNumber(), f.permitType(), f.decision(), f.decisionDate(),
				f.subject(), f.applicants(), List.of(f.address()), f.parcel().parcels(), documents, box,
				Documents.notes(era, documents));
	}

	private static List<String> planLines(DossierFacts f, Random random) {
		List<String> lines = new ArrayList<>(List.of("Dossier: " + f.reference(),
				f.lots() > 0 ? "Verkavelingsplan" : "Inplantingsplan", f.address().line(),
				f.address().postcode() + " " + f.address().municipality(), "Schaal " + (f.lots() > 0 ? "1/1000" : "1/500"),
				"Ontwerper: " + f.architect()));
		lines.add(f.address().street());
		if (f.lots() > 0) {
			for (int lot = 1; lot <= f.lots(); lot++) {
				lines.add("lot " + lot);
			}
		}
		else {
			lines.addAll(random.nextBoolean() ? List.of("woning", "garage", "terras") : List.of("woning", "berging"));
		}
		return lines;
	}

	static int width(Typeface face) {
		return switch (face) {
			case TYPEWRITER, MONO_BOLD -> 60;
			case SERIF -> 68;
			case SANS, SANS_LIBERATION -> 72;
			case SERIF_CONDENSED -> 76;
		};
	}

	static int maxLines(Typeface face) {
		return switch (face) {
			case TYPEWRITER, MONO_BOLD -> 36;
			case SERIF, SERIF_CONDENSED -> 42;
			case SANS, SANS_LIBERATION -> 44;
		};
	}

}
