package be.permitarchive.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import be.permitarchive.ocr.Word;

class MetadataExtractorTest {

	static final MetadataExtractor EXTRACTOR = new MetadataExtractor(ParcelRuleTest.DIVISIONS, 2025);

	static final ManifestEntry MANIFEST = new ManifestEntry("0005_1987-0456", "1987/0456", "31998", "ZH-001", null);

	/** A typed cover sheet as Tesseract read it, with its usual slips ("Iste", "2999\nZandhoveke"). */
	static final String COVER = """
			GEMEENTE ZANDHOVEKE
			Technische Dienst - Bouwzaken


			VERKAVELINGSVERGUNNING

			Dossiernummer: 1987/0456

			Aanvrager: Jef Claes en Lotte Daems

			Ligging: Schoolstraat 122, 2999 Zandhoveke

			Kadaster: Iste afdeling, sectie D, nr. 212B (deel)

			Onderwerp: verkavelen van een perceel in 5 loten voor open
			bebouwing

			Ingediend op: 03.12.86
			Beslissing college: 12.03.87
			""";

	static final String DECISION = """
			GEMEENTE ZANDHOVEKE
			Zitting van 12 maart 1987

			Betreft: verkavelingsvergunning, dossier 1987/0456

			Gelet op de aanvraag ingediend op 03.12.86 door Jef Claes en Lotte Daems voor het verkavelen van een
			perceel in 5 loten voor open bebouwing op een perceel gelegen te Schoolstraat 122, 2999 Zandhoveke,
			kadastraal bekend als 1ste afdeling, sectie D, nr. 212B (deel);

			BESLUIT:

			Artikel 1. De vergunning wordt verleend aan Jef Claes en Lotte Daems voor het verkavelen van een
			perceel in 5 loten voor open bebouwing.
			""";

	static PageText ocr(int index, String text) {
		return PageText.ofOcr("dossier.pdf", index, text, List.of());
	}

	@Nested
	class AgreeingPages {

		@Test
		void readsEveryFieldWithMethodAndEvidence() {
			// given a cover and a decision that agree
			// when
			ExtractedDossier d = EXTRACTOR.extract(List.of(ocr(0, COVER), ocr(1, DECISION)), MANIFEST);
			// then
			assertThat(d.reference().value()).isEqualTo("1987/0456");
			assertThat(d.permitType().value()).isEqualTo(PermitType.VERKAVELINGSVERGUNNING);
			assertThat(d.decision().value()).isEqualTo(Decision.VERLEEND);
			assertThat(d.decisionDate().value()).isEqualTo(LocalDate.of(1987, 3, 12));
			assertThat(d.subject().value()).isEqualTo("verkavelen van een perceel in 5 loten voor open bebouwing");
			assertThat(d.applicants()).extracting(a -> a.value().name()).containsExactlyInAnyOrder("Jef Claes",
					"Lotte Daems");
			assertThat(d.addresses()).extracting(Extracted::value)
				.containsExactly(new Address("Schoolstraat", "122", null, "2999", "Zandhoveke"));
			assertThat(d.parcels()).extracting(p -> p.value().capakey()).containsExactly("31997D0212/00B000");
			assertThat(d.parcels().get(0).value().partOfParcel()).isTrue();
			assertThat(d.conflicts()).isEmpty();
			assertThat(d.needsReview()).isEmpty();
			assertThat(d.decisionDate().method()).startsWith("date:");
			assertThat(d.decisionDate().evidence().document()).isEqualTo("dossier.pdf");
			assertThat(d.decisionDate().confidence()).isBetween(0.5, 1.0);
		}

		@Test
		void evidenceCarriesTheWordBoxes() {
			// given a page with OCR words
			List<Word> words = List.of(new Word("Dossiernummer:", 260, 700, 420, 40, 93f),
					new Word("1987/0456", 700, 700, 260, 40, 91f));
			PageText page = PageText.ofOcr("dossier.pdf", 0, "Dossiernummer: 1987/0456", words);
			// when
			ExtractedDossier d = EXTRACTOR.extract(List.of(page), null);
			// then
			assertThat(d.reference().evidence().box()).isEqualTo(new Box(260, 700, 700, 40));
			assertThat(d.reference().evidence().text()).isEqualTo("Dossiernummer: 1987/0456");
		}

	}

	@Nested
	class Disagreements {

		@Test
		void twoDatesOfEqualWeightAreAConflictAndNoValue() {
			// given two pages that each name another decision date
			PageText one = ocr(0, "Beslissing college: 12/03/1987");
			PageText two = ocr(1, "Zitting van 19 maart 1987");
			// when
			ExtractedDossier d = EXTRACTOR.extract(List.of(one, two), MANIFEST);
			// then
			assertThat(d.decisionDate().isPresent()).isFalse();
			assertThat(d.conflicts()).singleElement().satisfies(c -> {
				assertThat(c.field()).isEqualTo("decisionDate");
				assertThat(c.candidates()).extracting(e -> (Object) e.value())
					.containsExactlyInAnyOrder(LocalDate.of(1987, 3, 12), LocalDate.of(1987, 3, 19));
			});
			assertThat(d.needsReview()).contains(ReviewReason.MISSING_DECISION_DATE, ReviewReason.CONFLICTING_VALUES);
		}

		@Test
		void aMajorityWinsButTheConflictIsKept() {
			// given three pages with one number, one of them without its label, and a fourth with another
			List<PageText> pages = List.of(ocr(0, "Dossiernummer: 1987/0456"), ocr(1, "Dossier: 1987/0456"),
					ocr(2, "1987/0456"), ocr(3, "Referte: 2003/1234"));
			// when
			ExtractedDossier d = EXTRACTOR.extract(pages, null);
			// then
			assertThat(d.reference().value()).isEqualTo("1987/0456");
			assertThat(d.conflicts()).extracting(Conflict::field).contains("reference");
			assertThat(d.needsReview()).contains(ReviewReason.CONFLICTING_VALUES);
		}

		@Test
		void aReadingOneOcrSlipOffSupportsTheMajority() {
			// given three pages, one misread by a digit
			List<PageText> pages = List.of(ocr(0, "Dossiernummer: 1987/0456"), ocr(1, "Dossier: 1987/0456"),
					ocr(2, "dossier 1987/0458"));
			// when
			ExtractedDossier d = EXTRACTOR.extract(pages, null);
			// then
			assertThat(d.reference().value()).isEqualTo("1987/0456");
			assertThat(d.conflicts()).extracting(Conflict::field).doesNotContain("reference");
		}

		@Test
		void aStrayReadingIsNoConflict() {
			// given the subject read three times, once with OCR noise from the next line
			List<PageText> pages = List.of(ocr(0, "Onderwerp: bouwen van een garage"),
					ocr(1, "Onderwerp: bouwen van een garage"), ocr(2, "Onderwerp: bouwen van een garage 5D"));
			// when
			ExtractedDossier d = EXTRACTOR.extract(pages, MANIFEST);
			// then
			assertThat(d.subject().value()).isEqualTo("bouwen van een garage");
			assertThat(d.conflicts()).isEmpty();
		}

		@Test
		void manifestThatDisagreesIsFlagged() {
			// given
			ManifestEntry other = new ManifestEntry("f", "1987/0465", "31998", null, null);
			// when
			ExtractedDossier d = EXTRACTOR.extract(List.of(ocr(0, COVER), ocr(1, DECISION)), other);
			// then the documents' reference stays, the disagreement is flagged
			assertThat(d.reference().value()).isEqualTo("1987/0456");
			assertThat(d.needsReview()).contains(ReviewReason.MANIFEST_DISAGREES);
		}

	}

	@Nested
	class NeedsReview {

		@Test
		void emptyDossierNeedsReviewForEveryKeyField() {
			// given only an unreadable page and no manifest
			ExtractedDossier d = EXTRACTOR.extract(List.of(ocr(0, "~~ ..:; ,, ll1")), null);
			// then
			assertThat(d.needsReview()).containsExactly(ReviewReason.MISSING_REFERENCE,
					ReviewReason.MISSING_DECISION_DATE, ReviewReason.MISSING_DECISION, ReviewReason.MISSING_PERMIT_TYPE,
					ReviewReason.MISSING_LOCATION);
			assertThat(d.permitType().isPresent()).isFalse();
		}

		@Test
		void withoutReferenceDataAParcelThatCannotBeResolvedIsNoReasonToReview() {
			// given no reference data at all: "2de afdeling" cannot be told, and nothing can be checked
			MetadataExtractor withoutReference = new MetadataExtractor(be.permitarchive.georef.Gazetteer.NONE, 2025);
			// when
			ExtractedDossier d = withoutReference.extract(List.of(ocr(0, COVER), ocr(1, DECISION)),
					new ManifestEntry("f", "1987/0456", null, null, null));
			// then the parcel stays as written, the address places the dossier
			assertThat(d.parcels()).allSatisfy(p -> assertThat(p.value().capakey()).isNull());
			assertThat(d.needsReview()).doesNotContain(ReviewReason.PARCEL_UNRESOLVED, ReviewReason.MISSING_LOCATION);
		}

		@Test
		void manifestFillsAMissingReference() {
			// when
			ExtractedDossier d = EXTRACTOR.extract(List.of(ocr(0, "Zitting van 12 maart 1987")), MANIFEST);
			// then
			assertThat(d.reference().value()).isEqualTo("1987/0456");
			assertThat(d.reference().method()).isEqualTo("manifest");
			assertThat(d.needsReview()).doesNotContain(ReviewReason.MISSING_REFERENCE);
		}

	}

}
