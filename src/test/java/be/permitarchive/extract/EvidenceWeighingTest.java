package be.permitarchive.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import be.permitarchive.dossier.PageKind;
import be.permitarchive.ocr.Word;

/**
 * Candidates weighed by where and how they stand: the page's document role, the label before or above a value,
 * who writes a letter. Fixtures are OCR output of typed pages (line breaks and slips as Tesseract gave them).
 */
class EvidenceWeighingTest {

	static final MetadataExtractor EXTRACTOR = new MetadataExtractor(ParcelRuleTest.DIVISIONS, 2025);

	static PageText ocr(String document, String text) {
		return PageText.ofOcr(document, 0, text, List.of());
	}

	static DocumentRole role(String text) {
		return DocumentRoles.of(new PageView(ocr("p.tif", text)));
	}

	static final String DECISION = """
			GEMEENTE OOSTERLINDE
			UITTREKSEL UIT HET NOTULENBOEK VAN HET COLLEGE VAN
			BURGEMEESTER EN SCHEPENEN
			Zitting van heden.
			Ref.: B 237/77
			Gelet op de aanvraag d.d. 28 maart 1977 van de
			heer VAN RANSBEECK Florent, wonende te 2350 Westerlo,
			Lierseweg 85, strekkende tot het bekomen van een
			bouwvergunning voor het bouwen van een woonhuis;
			Gelet op het advies van de Gemachtigde Ambtenaar
			van het Bestuur van de Stedebouw d.d. 22-4-77,
			kenmerk 8.00/12094/9754.7, luidende: ongunstig;
			Overwegende dat het ontwerp strijdig is met de goede ruimtelijke ordening;
			B E S L U I T :
			Artikel 1. - De door de heer VAN RANSBEECK Florent
			gevraagde bouwvergunning voor het bouwen van een
			woonhuis wordt geweigerd.
			Artikel 2. - Een afschrift van deze beslissing wordt
			aan de aanvrager en aan de Gemachtigde Ambtenaar gezonden.
			Gedaan te Oosterlinde op 19/05/'77.
			Voor eensluidend uittreksel, Oosterlinde, 29 mei 1977.
			""";

	static final String ADVICE = """
			MINISTERIE VAN OPENBARE WERKEN
			Aan het College van Burgemeester en Schepenen
			Uw kenmerk Ons kenmerk Uw brief van
			B 237/77 8.00/12094/9754.7 30 maart 1977
			Antwerpen, 22/04/'77
			Betreft: aanvraag van Florent Van Ransbeeck - het bouwen van een woonhuis
			Ik heb de eer u te laten weten dat ik over de bovenvermelde
			aanvraag een ONGUNSTIG advies uitbreng.
			""";

	static final String LETTER = """
			GEMEENTE OOSTERLINDE
			Dienst Ruimtelijke Ordening
			AANGETEKEND
			Uw kenmerk Ons kenmerk Datum
			77/107 B 237/77 30-05-1977
			Geachte heer,
			Ik heb de eer u mee te delen dat het college van burgemeester en schepenen in zitting van 19
			mei 1977 beslist heeft over uw aanvraag van 28-03-1977 de vergunning te weigeren.
			Met de meeste hoogachting,
			""";

	static final String PLAN = """
			BOUWEN VAN EEN WOONHUIS
			Bouwheer: Florent Van Ransbeeck
			Schaal: 1/100 Blad 1/1
			Datum: 11.2.1977 Ref.: 77/107
			""";

	@Nested
	class Roles {

		@Test
		void eachDocumentIsKnownByItsWording() {
			assertThat(role(DECISION)).isEqualTo(DocumentRole.DECISION);
			assertThat(role(ADVICE)).isEqualTo(DocumentRole.ADVICE);
			assertThat(role(LETTER)).isEqualTo(DocumentRole.LETTER);
			assertThat(role("AANVRAAG TOT HET BEKOMEN VAN EEN BOUWVERGUNNING\n1. AANVRAGER(S)\nNaam en voornaam "
					+ "MEEUS Willy\nHandtekening van de aanvrager(s),")).isEqualTo(DocumentRole.APPLICATION);
			assertThat(role("BOUWDOSSIER\nDossier\nB 237/77\nBouwheer\nVan Ransbeeck\nLigging\nBremstr. 2\nKadaster\n"
					+ "Afd. 2 Sie F 46/04B\nSchepencollege\n19-5-77 geweigerd")).isEqualTo(DocumentRole.COVER);
		}

		@Test
		void aPlanIsAPlanAndAPageThatContinuesADecisionIsPartOfIt() {
			List<PageView> pages = DocumentRoles.assign(List.of(new PageView(ocr("besluit.tif", DECISION)),
					new PageView(PageText.ofOcr("besluit.tif", 1, "Vervolg beslissing B 237/77\nDe Secretaris,", List.of())),
					new PageView(ocr("plan.tif", PLAN).withKind(PageKind.PLAN))));
			assertThat(pages).extracting(p -> p.role).containsExactly(DocumentRole.DECISION, DocumentRole.DECISION,
					DocumentRole.PLAN);
		}

		@Test
		void aSpacedOutHeadingIsAHeading() {
			assertThat(DocumentRoles.squeezeSpacedHeadings("B E S L U I T :")).isEqualTo("BESLUIT :");
		}

	}

	@Nested
	class References {

		@Test
		void theNumberEveryDocumentCarriesBeatsTheArchitectsAndTheRegionsNumbers() {
			// given a decision, an advice, a letter and a plan: the architect's 77/107 on the plan and the letter
			ExtractedDossier d = EXTRACTOR.extract(List.of(ocr("besluit.tif", DECISION), ocr("advies.tif", ADVICE),
					ocr("brief.tif", LETTER), ocr("plan.tif", PLAN).withKind(PageKind.PLAN)), null);
			// then
			assertThat(d.reference().value()).isEqualTo("B 237/77");
			assertThat(d.conflicts()).extracting(Conflict::field).doesNotContain("reference");
		}

		@Test
		void ourAndYourReferenceDependOnWhoWrites() {
			// in the municipality's own letter "Uw kenmerk" is the addressee's, "Ons kenmerk" the municipality's
			List<Extracted<String>> letter = new ReferenceRule()
				.readings(new PageView(ocr("brief.tif", LETTER)).withRole(DocumentRole.LETTER));
			assertThat(confidenceOf(letter, "B 237/77")).isGreaterThan(5 * confidenceOf(letter, "77/107"));
			// in a letter to the college "Uw kenmerk" is the municipality's
			List<Extracted<String>> advice = new ReferenceRule()
				.readings(new PageView(ocr("advies.tif", ADVICE)).withRole(DocumentRole.ADVICE));
			assertThat(advice).extracting(Extracted::value).containsExactly("B 237/77");
			assertThat(advice.get(0).confidence()).isGreaterThan(0.5);
		}

		@Test
		void aLabelOnTheLineAboveCounts() {
			List<Extracted<String>> cover = new ReferenceRule()
				.readings(new PageView(ocr("kaft.tif", "BOUWDOSSIER\nDossier\n\nB 237/77\n")).withRole(DocumentRole.COVER));
			assertThat(cover).singleElement().satisfies(r -> assertThat(r.method()).startsWith("reference:dossier"));
		}

		@Test
		void aLabelBehindTheRuleOfAFormsColumn() {
			// OCR reads a card's column rule as "|" between the label and the value
			List<Extracted<String>> cover = new ReferenceRule()
				.readings(new PageView(ocr("kaft.tif", "BOUWDOSSIER\ndossier |B 237/77\n")).withRole(DocumentRole.COVER));
			assertThat(cover).singleElement().satisfies(r -> assertThat(r.confidence()).isGreaterThan(0.5));
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "Referte BA.65.68|BA.65.68", "Dossier V/1990/031|V/1990/031",
				"Nr. bouwaanvraag 92/B/326|92/B/326", "Dossier STED/2015/0430|STED/2015/0430" })
		void municipalForms(String text, String expected) {
			assertThat(new ReferenceRule().readings(new PageView(ocr("kaft.tif", text)))).extracting(Extracted::value)
				.containsExactly(expected);
		}

		@Test
		void columnsWithoutWordBoxesGoByPosition() {
			String text = "Omgevingsloketnummer Dossiernummer Besluitnummer\nOMV_2023622257 OV/2023/0497 2023_CBS_09171";
			List<Extracted<String>> readings = new ReferenceRule().readings(
					new PageView(PageText.ofTextLayer("besluit.pdf", 0, text)).withRole(DocumentRole.DECISION));
			assertThat(readings).extracting(Extracted::value).containsExactly("OV/2023/0497");
			assertThat(readings.get(0).method()).contains("dossiernummer");
		}

		@Test
		void columnsWithWordBoxesGoByWhereTheValueStands() {
			// given a heading row and a value row whose values OCR partly lost: only the middle value was read
			String text = "Uw kenmerk Referte Datum\nB/2010/0241 27 juni 2010";
			List<Word> words = List.of(new Word("Uw", 100, 100, 40, 20, 90), new Word("kenmerk", 150, 100, 120, 20, 90),
					new Word("Referte", 500, 100, 110, 20, 90), new Word("Datum", 900, 100, 90, 20, 90),
					new Word("B/2010/0241", 502, 140, 200, 20, 90), new Word("27", 900, 140, 30, 20, 90),
					new Word("juni", 940, 140, 50, 20, 90), new Word("2010", 1000, 140, 60, 20, 90));
			PageView view = new PageView(PageText.ofOcr("brief.tif", 0, text, words));
			assertThat(Columns.headingOf(view, text.indexOf("B/2010"), text.indexOf(" 27")).text()).isEqualTo("Referte");
		}

		private double confidenceOf(List<Extracted<String>> readings, String value) {
			return readings.stream().filter(r -> r.value().equals(value)).findFirst().orElseThrow().confidence();
		}

	}

	@Nested
	class Decisions {

		@Test
		void theFirstArticleDecidesWhateverTheConditionsRepeat() {
			String text = "BESLIST:\nArtikel 1. De bouwvergunning wordt gedeeltelijk verleend aan mevrouw Martha Van Hoof "
					+ "voor het verbouwen van een woning, met uitsluiting van de carport; voor het overige wordt de "
					+ "vergunning geweigerd.\nArtikel 2. De vergunning wordt afgegeven onder de volgende voorwaarden:";
			assertThat(decisions(text, DocumentRole.DECISION)).containsExactly(Decision.GEDEELTELIJK_VERLEEND);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = {
				"Artikel 1. De vergunning wordt afgegeven aan de aanvrager(s) voor het verbouwen van een woning.|VERLEEND",
				"Artikel 1. - De door de heer X gevraagde bouwvergunning voor het bouwen van een woonhuis wordt geweigerd.|GEWEIGERD",
				"Artikel 1. De aanvraag wordt ongunstig geadviseerd; de stedenbouwkundige vergunning wordt geweigerd.|GEWEIGERD",
				"Artikel 1. Het college verleent de stedenbouwkundige vergunning gedeeltelijk aan de aanvrager(s): de werken worden vergund met uitzondering van de veranda.|GEDEELTELIJK_VERLEEND",
				"Artikel 1. De vergunning wordt niet verleend.|GEWEIGERD" })
		void decisionWordings(String text, Decision expected) {
			assertThat(decisions(text, DocumentRole.DECISION)).containsExactly(expected);
		}

		@Test
		void coverLettersAndStampsConfirmAnAdviceDecidesNothing() {
			assertThat(decisions("Schepencollege\n\n19-5-77 geweigerd", DocumentRole.COVER))
				.containsExactly(Decision.GEWEIGERD);
			assertThat(decisions("Schepencollege 21.7.2015 gedeeltelijk vergund", DocumentRole.COVER))
				.containsExactly(Decision.GEDEELTELIJK_VERLEEND);
			assertThat(decisions("in zitting van 9 juli 1963 beslist heeft over uw aanvraag de vergunning te verlenen.",
					DocumentRole.LETTER)).containsExactly(Decision.VERLEEND);
			assertThat(decisions(ADVICE + "\nde vergunning kan worden verleend.", DocumentRole.ADVICE)).isEmpty();
		}

		List<Decision> decisions(String text, DocumentRole role) {
			return new DecisionRule().readings(new PageView(ocr("p.tif", text)).withRole(role)).stream()
				.map(Extracted::value)
				.toList();
		}

	}

	@Nested
	class DecisionDates {

		DecisionDateRule rule = new DecisionDateRule(new DutchDates(1977, 2026));

		List<LocalDate> dates(String text, DocumentRole role) {
			return rule.readings(new PageView(ocr("p.tif", text)).withRole(role)).stream().map(Extracted::value).toList();
		}

		@Test
		void theSignatureOfADecisionOfTodaysSessionButNotTheCopysDate() {
			assertThat(dates(DECISION, DocumentRole.DECISION)).containsExactly(LocalDate.of(1977, 5, 19));
		}

		@Test
		void aLetterGivesTheSessionNotItsOwnDateOrTheApplications() {
			assertThat(dates(LETTER, DocumentRole.LETTER)).containsExactly(LocalDate.of(1977, 5, 19));
		}

		@Test
		void applicationsAndAdvicesGiveNoDecisionDate() {
			assertThat(dates("Zitting van 12 maart 1977", DocumentRole.APPLICATION)).isEmpty();
			assertThat(dates(ADVICE, DocumentRole.ADVICE)).isEmpty();
		}

		@Test
		void aCardsLabelAboveItsValue() {
			assertThat(dates("Schepencollege\n\n19-5-77 geweigerd\nVerzonden\n30.5.77", DocumentRole.COVER))
				.containsExactly(LocalDate.of(1977, 5, 19));
		}

		@Test
		void dotsReadAsCommas() {
			assertThat(dates("Schepencollege\n25,5,1965 verleend.", DocumentRole.COVER))
				.containsExactly(LocalDate.of(1965, 5, 25));
			assertThat(dates("Schepencollege 24,27 m2", DocumentRole.COVER)).isEmpty();
		}

		@Test
		void aColumnHeadedDatumZitting() {
			assertThat(dates("Aanvraag nr. Ref. Stedebouw Datum zitting\nB 90/63 8.00/12094/6978.3 9.7.1963",
					DocumentRole.DECISION)).containsExactly(LocalDate.of(1963, 7, 9));
		}

		@Test
		void datesInWords() {
			assertThat(dates("Gedaan te Oosterlinde op de vijfentwintigste mei\nnegentienhonderd vijfenzestig.",
					DocumentRole.DECISION)).containsExactly(LocalDate.of(1965, 5, 25));
			assertThat(dates("Zitting van de achttiende februari negentienhonderd eenennegentig", DocumentRole.DECISION))
				.containsExactly(LocalDate.of(1991, 2, 18));
			assertThat(DatesInWords.find("op de drieëntwintigste juni tweeduizend en vijftien", 2026))
				.extracting(DutchDates.Found::date)
				.containsExactly(LocalDate.of(2015, 6, 23));
		}

	}

	@Nested
	class Applicants {

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "Naam en voornaam MEEUS Willy|Willy Meeus",
				"Naam en voornaam VAN RANSBEECK Florent|Florent Van Ransbeeck", "Aanvrager(s) mevrouw MAES Sonja|Sonja Maes",
				"Naam en voornaam MEEUS willy|Willy Meeus" })
		void formsWriteTheSurnameInCapitals(String text, String expected) {
			assertThat(names(text)).containsExactly(expected);
		}

		@Test
		void recitalsWithTitlesRelationsAndFirms() {
			assertThat(names("Het college verleent de omgevingsvergunning onder voorwaarden aan de echtgenoten Filip "
					+ "JANSSENS en Sonja SCHOOFS voor het verbouwen van een eengezinswoning."))
				.containsExactly("Filip Janssens", "Sonja Schoofs");
			assertThat(names("heeft de aanvraag van mevrouw Martha Van Hoof, weduwe van wijlen de heer Alfons Schoofs "
					+ "onderzocht.")).containsExactly("Martha Van Hoof");
			assertThat(names("heeft de aanvraag van Immobiliën Nethedal, nv, vertegenwoordigd door haar gedelegeerd "
					+ "bestuurder mevrouw Josepha Hermans onderzocht.")).containsExactly("Immobiliën Nethedal, nv");
			assertThat(names("Gelet op de plannen, opgemaakt door arch. Florent Ooms te Heist-op-den-Berg;")).isEmpty();
		}

		@Test
		void aSurnameAloneIsNotAnApplicantsName() {
			assertThat(names("Bouwheer Van Ransbeeck")).isEmpty();
			assertThat(names("Bouwheer De Smet en Jan Peeters")).containsExactly("Jan Peeters");
		}

		List<String> names(String text) {
			return new ApplicantRule().readings(new PageView(ocr("p.tif", text)).withRole(DocumentRole.DECISION))
				.stream()
				.map(a -> a.value().name())
				.distinct()
				.toList();
		}

	}

}
