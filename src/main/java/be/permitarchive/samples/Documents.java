package be.permitarchive.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import be.permitarchive.samples.SampleDossier.Document;
import be.permitarchive.samples.SampleDossier.Effect;
import be.permitarchive.samples.SampleDossier.Format;
import be.permitarchive.samples.SampleDossier.Page;

/** Puts pages into delivered files the way each era arrives, and describes them for the manifest. */
final class Documents {

	private Documents() {
	}

	static List<Document> files(Era era, Format format, List<Page> digital, List<Page> scanned) {
		List<Document> documents = new ArrayList<>();
		switch (era) {
			case TYPEWRITER, WORD_PROCESSOR -> documents.add(
					new Document(format == Format.TIFF_G4 ? "dossier.tif" : "dossier.pdf", format, scanned));
			case BORN_DIGITAL -> {
				documents.add(new Document("besluit.pdf", Format.PDF_TEXT, digital));
				if (!scanned.isEmpty()) {
					documents.add(new Document("bijlagen.pdf", Format.PDF_JPEG, scanned));
				}
			}
			case OMGEVINGSLOKET -> {
				for (int i = 0; i < scanned.size(); i++) {
					Page page = scanned.get(i);
					boolean photo = "photo".equals(page.kind());
					String name = switch (page.kind()) {
						case "plan" -> "plan";
						case "photo" -> "foto";
						case "blank" -> "blanco";
						default -> i == 0 ? "dekblad" : page.lines().get(0).startsWith("GEMEENTE") ? "beslissing"
								: "advies";
					};
					documents.add(new Document(String.format(Locale.ROOT, "%02d_%s.%s", i + 1, name,
							photo ? "jpg" : "png"), photo ? Format.JPEG : Format.PNG, List.of(page)));
				}
			}
		}
		return documents;
	}

	/** A short Dutch note for the manifest: what kind of scan and which defects to expect. */
	static String notes(Era era, List<Document> documents) {
		List<String> notes = new ArrayList<>();
		notes.add(switch (era) {
			case TYPEWRITER -> "typemachine";
			case WORD_PROCESSOR -> "tekstverwerker";
			case BORN_DIGITAL -> "digitaal PDF met tekstlaag";
			case OMGEVINGSLOKET -> "omgevingsloket";
		});
		int blanks = 0;
		int plans = 0;
		boolean carbon = false;
		boolean skewed = false;
		boolean upsideDown = false;
		for (Document document : documents) {
			for (Page page : document.pages()) {
				blanks += "blank".equals(page.kind()) ? 1 : 0;
				plans += "plan".equals(page.kind()) ? 1 : 0;
				carbon |= page.effects().contains(Effect.CARBON_FADE);
				skewed |= page.skewDegrees() != 0.0;
				upsideDown |= page.rotation() == 180;
			}
		}
		addIf(notes, documents.get(0).format() == Format.TIFF_G4, "bilevel TIFF G4");
		addIf(notes, carbon, "doorslag");
		addIf(notes, blanks > 0, blanks + " blanco keerzijde(n)");
		addIf(notes, plans > 0, plans + " plan A3");
		addIf(notes, skewed, "scheef ingescand");
		addIf(notes, upsideDown, "pagina ondersteboven");
		return String.join("; ", notes);
	}

	private static void addIf(List<String> notes, boolean condition, String note) {
		if (condition) {
			notes.add(note);
		}
	}

}
