package be.permitarchive.samples;

import be.permitarchive.dossier.CaPaKey;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the generator knows about one fictional dossier: the facts that go into the ground truth and the
 * documents (files) with the pages to render. Plain records, built by {@link DossierTemplates}.
 */
record SampleDossier(String folder, String reference, String omvNumber, String permitType, String decision,
		LocalDate decisionDate, String subject, List<Applicant> applicants, List<Address> addresses,
		List<Parcel> parcels, List<Document> documents, String box, String notes) {

	SampleDossier {
		applicants = List.copyOf(applicants);
		addresses = List.copyOf(addresses);
		parcels = List.copyOf(parcels);
		documents = List.copyOf(documents);
	}

	/** {@code kind} is {@code natural-person} or {@code legal-entity}. */
	record Applicant(String name, String kind) {
	}

	/** {@code boxNumber} may be null. */
	record Address(String street, String houseNumber, String boxNumber, String postcode, String municipality) {

		String line() {
			return street + " " + houseNumber + (boxNumber == null ? "" : " bus " + boxNumber);
		}

		String full() {
			return line() + ", " + postcode + " " + municipality;
		}

	}

	/** A resolved CaPaKey and the phrase the documents use for it (several parcels may share one phrase). */
	record Parcel(String capakey, String asWritten) {
	}

	/** One delivered file and its pages, in file order. */
	record Document(String file, Format format, List<Page> pages) {

		Document {
			pages = List.copyOf(pages);
		}

	}

	/** How a document is stored in the delivery. */
	enum Format {
		/** multi-page bilevel TIFF, CCITT group 4 */
		TIFF_G4,
		/** image-only PDF, 8-bit grey JPEG images */
		PDF_JPEG,
		/** image-only PDF, 8-bit grey Flate (lossless) images */
		PDF_FLATE,
		/** born-digital PDF with a real text layer */
		PDF_TEXT,
		/** one 8-bit grey PNG page */
		PNG,
		/** one 8-bit grey JPEG page */
		JPEG
	}

	/**
	 * One page. {@code kind} is text, blank, plan, photo or text-layer; {@code rotation} (0 or 180) is how the scan
	 * lies; {@code skewDegrees} is the clockwise skew of the scan; {@code lines} is the exact printed text;
	 * {@code noiseSeed} drives the page's own random degradation.
	 */
	record Page(String kind, List<String> lines, int rotation, double skewDegrees, boolean clean, Typeface typeface,
			Set<Effect> effects, long noiseSeed, PlanSpec plan) {

		Page {
			lines = List.copyOf(lines);
			effects = Collections.unmodifiableSet(effects.isEmpty() ? EnumSet.noneOf(Effect.class) : EnumSet.copyOf(effects));
		}

		String text() {
			return String.join("\n", lines);
		}

	}

	/** What a plan sheet shows beyond its printed text: a building, or an allotment in {@code lots} lots. */
	record PlanSpec(int lots) {
	}

	/** The first three are the classic set; the others are used by the alternative templates only. */
	enum Typeface {
		TYPEWRITER, SERIF, SANS, MONO_BOLD, SERIF_CONDENSED, SANS_LIBERATION;

		/** Set character by character with uneven ink, as a typewriter strikes. */
		boolean typewriter() {
			return this == TYPEWRITER || this == MONO_BOLD;
		}
	}

	/** Scan and paper defects, applied in {@link Degradation}. */
	enum Effect {
		CARBON_FADE, SPECKLE, BLUR, PAPER_TONE,
		/** grain of a cheap scanner (alternative templates) */
		NOISE,
		/** worn ribbon or toner: ink at about 60 % (alternative templates) */
		FADED
	}

}
