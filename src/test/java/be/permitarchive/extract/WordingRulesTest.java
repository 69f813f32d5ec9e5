package be.permitarchive.extract;

import be.permitarchive.georef.Divisions;
import be.permitarchive.georef.Gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision, permit type, decision date, subject, applicants and addresses, on OCR-like text. */
class WordingRulesTest {

	static PageView page(String text) {
		return new PageView(PageText.ofOcr("dossier.pdf", 0, text, List.of()));
	}

	@Nested
	class Decisions {

		List<Decision> decisions(String text) {
			return new DecisionRule().readings(page(text)).stream().map(Extracted::value).toList();
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "BESLUIT: Artikel 1. De vergunning wordt verleend aan Jan Peeters|VERLEEND",
				"Artikel 1. De vergunning wordt geweigerd aan BVBA Bouwwerken De Smet|GEWEIGERD",
				"Artikel 1. De vergunning wordt gedeeltelijk verleend aan X voor het Y.|GEDEELTELIJK_VERLEEND",
				"Artikel 1: Het college verleent de stedenbouwkundige vergunning aan Els Claes.|VERLEEND",
				"Het college weigert de vergunning. U kunt beroep instellen.|GEWEIGERD",
				"Het college verleent de vergunning gedeeltelijk: de carport valt erbuiten.|GEDEELTELIJK_VERLEEND",
				"De vergunnlng wordt verleenD aan Jan|VERLEEND", "Uitslag: vergunning geweigerd|GEWEIGERD" })
		void readTheCollegeWording(String text, Decision expected) {
			assertThat(decisions(text)).containsExactly(expected);
		}

		@Test
		void advicesAdjectivesAndConditionsAreNotDecisions() {
			String text = "brengen wij een gunstig advies uit; de eerder verleende vergunning blijft; indien de "
					+ "vergunning wordt verleend; de vergunning werd niet geweigerd";
			assertThat(decisions(text)).isEmpty();
		}

	}

	@Nested
	class PermitTypes {

		Extracted<PermitType> type(String text, String omv) {
			List<PermitTypeRule.Reading> readings = new PermitTypeRule().readings(page(text));
			Extracted<String> omvNumber = omv == null ? Extracted.missing("none")
					: new Extracted<>(omv, 0.95, "pattern:omv", null);
			return PermitTypeRule.decide(readings, omvNumber);
		}

		@Test
		void headingsDecide() {
			assertThat(type("GEMEENTE ZANDHOVEKE\n\nBOUWVERGUNNING\n\nDossiernummer: 1", null).value())
				.isEqualTo(PermitType.BOUWVERGUNNING);
			assertThat(type("AANVRAAG OM STEDENBOUWKUNDIGE VERGUNNING\nGemeente X", null).value())
				.isEqualTo(PermitType.BOUWVERGUNNING);
			assertThat(type("Betreft: verkavelingsvergunnlng, dossier 1987/0456", null).value())
				.isEqualTo(PermitType.VERKAVELINGSVERGUNNING);
			assertThat(type("Soort vergunning: stedenbouwkundig attest", null).value())
				.isEqualTo(PermitType.STEDENBOUWKUNDIG_ATTEST);
		}

		@Test
		void citedLawsAndPassingMentionsDoNotDecide() {
			assertThat(type("Gelet op het decreet van 25 april 2014 betreffende de omgevingsvergunning;", null)
				.isPresent()).isFalse();
			assertThat(type("de milieuvergunning van de buren", null).isPresent()).isFalse();
		}

		@Test
		void anOmvNumberMakesItAnOmgevingsvergunning() {
			assertThat(type("Dienst Omgeving", "OMV_2023072614").value()).isEqualTo(PermitType.OMGEVINGSVERGUNNING);
		}

		@Test
		void twoHeadingsOfDifferentTypesLeaveItOpen() {
			assertThat(type("SLOOPVERGUNNING\n\nBetreft: bouwvergunning", null).isPresent()).isFalse();
		}

	}

	@Nested
	class DecisionDates {

		List<LocalDate> dates(String text) {
			return new DecisionDateRule(new DutchDates(1991, 2026)).readings(page(text)).stream()
				.map(Extracted::value)
				.toList();
		}

		@Test
		void onlyDatesIntroducedAsTheDecision() {
			String text = "Ingediend op: 14/04/1991\nBeslissing college: 18/06/1991\n\nZitting van 18 juni 1991\n\n"
					+ "Gelet op de aanvraag ingediend op 14/04/1991; Gelet op de wet van 29 maart 1962;\n"
					+ "Datum: 16/05/1991\nhet college heeft in zitting van 18.06.91 beslist";
			assertThat(dates(text)).containsExactly(LocalDate.of(1991, 6, 18), LocalDate.of(1991, 6, 18),
					LocalDate.of(1991, 6, 18));
		}

	}

	@Nested
	class Subjects {

		@Test
		void fromLabelsAndRecitals() {
			String text = "Onderwerp: verbouwen van een\nwoning\n\nGelet op de aanvraag ingediend op 1/2/1990 door Jan "
					+ "Peeters voor het bouwen van een garage op een perceel gelegen te Kerkstraat 4";
			assertThat(new SubjectRule().readings(page(text))).extracting(Extracted::value)
				.containsExactly("verbouwen van een woning", "bouwen van een garage");
		}

		@Test
		void aPermitNameIsNotASubject() {
			assertThat(new SubjectRule().readings(page("Onderwerp: bouwvergunning - 1987/0456"))).isEmpty();
		}

	}

	@Nested
	class Applicants {

		@Test
		void personsAndFirms() {
			assertThat(ApplicantRule.split("Jozef Van den Bossche, Maria Op de Beeck en BVBA Bouwwerken De Smet"))
				.containsExactly(new Applicant("Jozef Van den Bossche", Applicant.Kind.NATURAL_PERSON),
						new Applicant("Maria Op de Beeck", Applicant.Kind.NATURAL_PERSON),
						new Applicant("BVBA Bouwwerken De Smet", Applicant.Kind.LEGAL_ENTITY));
			assertThat(new Applicant("Jan Peeters", Applicant.Kind.NATURAL_PERSON).personalData()).isTrue();
		}

		@Test
		void fromLabelsAndRecitals() {
			String text = "Aanvrager: Sofie Claes en Luc Wouters\n\nGelet op de aanvraag ingediend op 14/04/1991 door "
					+ "NV Immo Kempenland voor het bouwen van een loods";
			assertThat(new ApplicantRule().readings(page(text))).extracting(e -> e.value().name())
				.containsExactly("Sofie Claes", "Luc Wouters", "NV Immo Kempenland");
		}

		@Test
		void somethingThatIsNotANameGivesNothing() {
			assertThat(ApplicantRule.split("de eigenaar van het perceel")).isEmpty();
		}

	}

	@Nested
	class Addresses {

		List<Address> addresses(String text) {
			return new PlaceReader(Gazetteer.of(new Divisions(ParcelRuleTest.DIVISIONS))).read(List.of(page(text)), "31998")
				.addresses()
				.stream()
				.map(Extracted::value)
				.toList();
		}

		@Test
		void labelledAddressWithBox() {
			assertThat(addresses("Ligging: Kerkstraat 24 bus 3, 2999 Zandhoveke\n\nKadaster: ..."))
				.containsExactly(new Address("Kerkstraat", "24", "3", "2999", "Zandhoveke"));
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "Antwerpsestwg. 12|Antwerpsesteenweg", "St.-Jobstraat 12|Sint-Jobstraat",
				"O.-L.-Vrouwstraat 12|Onze-Lieve-Vrouwstraat", "Antwerpse Stwg. 12|Antwerpse Steenweg",
				"Grote Baan 12|Grote Baan", "Kerkstraal 12|Kerkstraat" })
		void abbreviationsAndOcrSlipsInStreetNames(String written, String street) {
			assertThat(addresses("Adres van het goed: " + written + ", 2999 Zandhoveke"))
				.containsExactly(new Address(street, "12", null, "2999", "Zandhoveke"));
		}

		@Test
		void municipalityMisreadByOneLetterIsTheKnownOne() {
			assertThat(addresses("gelegen te Molenweg 7A, 2999 Zandhovekc en kadastraal bekend als"))
				.containsExactly(new Address("Molenweg", "7A", null, "2999", "Zandhoveke"));
		}

		@Test
		void unlabelledAddressesAreNotTheLocation() {
			assertThat(addresses("Aan het College\nDorpsplein 1, 2999 Zandhoveke")).isEmpty();
		}

	}

}
