package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference data as a dictionary: which parcel a reading means, and which address. */
class GazetteerTest {

	static final Gazetteer LINDEVELD = PlaceFixtures.gazetteer();

	static Gazetteer.Resolution resolve(char section, String written) {
		return LINDEVELD.resolve(section == 'A' ? PlaceFixtures.FIRST : PlaceFixtures.SECOND, section, written, List.of());
	}

	@Nested
	class Parcels {

		@ParameterizedTest
		@CsvSource({ "A,150a,99991A0150/00A000", "B,15/02G,99992B0015/02G000", "B,13,99992B0013/00_000",
				// digit-like letters between digits read as the digits
				"B,l3,99992B0013/00_000", "B,15/O2G,99992B0015/02G000", "B,1O6R,99992B0106/00R000" })
		void aReadingThatExistsIsTaken(char section, String written, String capakey) {
			assertThat(resolve(section, written)).satisfies(r -> {
				assertThat(r.how()).isEqualTo(Gazetteer.How.AS_READ);
				assertThat(r.key()).hasToString(capakey);
			});
		}

		@Test
		void aParcelSplitSinceIsStillAParcelThroughTheMapHistory() {
			assertThat(resolve('B', "14E")).satisfies(r -> {
				assertThat(r.how()).isEqualTo(Gazetteer.How.AS_READ);
				assertThat(r.key()).hasToString("99992B0014/00E000");
			});
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = {
				// the exponent letter misread: e/a, r/f, and a letter taken for its neighbour in the alphabet (g/f)
				"A|150e|99991A0150/00A000", "B|14r|99992B0014/00F000", "B|14g|99992B0014/00F000",
				// a dropped bis, a dropped exponent
				"B|15G|99992B0015/02G000", "A|150|99991A0150/00A000",
				// a radical digit misread (8 for 3): tried only when no letter slip fits
				"B|18|99992B0013/00_000" })
		void theOnlyParcelOneOcrSlipAwayIsTaken(String section, String written, String capakey) {
			Gazetteer.Resolution r = resolve(section.charAt(0), written);
			assertThat(r.how()).as(written).isEqualTo(Gazetteer.How.OCR_SLIP);
			assertThat(r.key()).hasToString(capakey);
		}

		@Test
		void twoParcelsOneSlipAwayAreAmbiguous() {
			// given "12E": 12C and 12D are both one letter away (C/E look alike, D/E are neighbours)
			// when
			Gazetteer.Resolution r = resolve('B', "12E");
			// then
			assertThat(r.how()).isEqualTo(Gazetteer.How.AMBIGUOUS);
			assertThat(r.key()).isNull();
			assertThat(r.candidates()).extracting(CaPaKey::toString).containsExactly("99992B0012/00C000",
					"99992B0012/00D000");
		}

		@Test
		void ofTwoParcelsOneSlipAwayTheOneAtTheSiteAddressIsTaken() {
			// given the site address Kerkstraat 3, which lies on 12D
			Address site = LINDEVELD.addressById("L-K3").orElseThrow();
			// when
			Gazetteer.Resolution r = LINDEVELD.resolve(PlaceFixtures.SECOND, 'B', "12E", List.of(site));
			// then
			assertThat(r.how()).isEqualTo(Gazetteer.How.NEAR_ADDRESS);
			assertThat(r.key()).hasToString("99992B0012/00D000");
		}

		@Test
		void aNumberNoParcelIsNorOneSlipFromIsNotFound() {
			assertThat(resolve('B', "847")).satisfies(r -> {
				assertThat(r.how()).isEqualTo(Gazetteer.How.NOT_FOUND);
				assertThat(r.key()).isNull();
			});
		}

		@Test
		void withoutAMapTheReadingIsTakenUnchecked() {
			Gazetteer divisionsOnly = Gazetteer.of(PlaceFixtures.DIVISIONS);
			assertThat(divisionsOnly.resolve(PlaceFixtures.SECOND, 'B', "847", List.of())).satisfies(r -> {
				assertThat(r.how()).isEqualTo(Gazetteer.How.UNCHECKED);
				assertThat(r.key()).hasToString("99992B0847/00_000");
			});
		}

		@Test
		void theDivisionANumberExistsInOnlyOneOfIsThatOne() {
			assertThat(LINDEVELD.divisionHolding(List.of("105a", "106R"), 'B', PlaceFixtures.NIS))
				.contains(PlaceFixtures.BROEKHOVE);
			assertThat(LINDEVELD.divisionHolding(List.of("106R"), 'B', PlaceFixtures.NIS))
				.as("106R is a parcel of section B in two divisions").isEmpty();
		}

	}

	@Test
	void aMunicipalityCodeTheReferenceDataDoesNotKnowIsTheOneItCovers() {
		// a dossier's manifest may give the code of a municipality before a merger
		assertThat(LINDEVELD.municipality(PlaceFixtures.NIS)).isEqualTo(PlaceFixtures.NIS);
		assertThat(LINDEVELD.municipality("46003")).isEqualTo(PlaceFixtures.NIS);
		assertThat(LINDEVELD.municipality(null)).isEqualTo(PlaceFixtures.NIS);
	}

	@Nested
	class Addresses {

		@Test
		void anAbbreviatedStreetIsTheRegistersStreet() {
			assertThat(LINDEVELD.street("Stw. op Heikant", PlaceFixtures.NIS)).hasValueSatisfying(m -> {
				assertThat(m.street().name()).isEqualTo("Steenweg op Heikant");
				assertThat(m.similarity()).isEqualTo(1.0);
			});
		}

		@Test
		void aStreetNameAloneIsTakenOnlyWhenNoOtherComesNear() {
			assertThat(LINDEVELD.street("Kerkstraal", PlaceFixtures.NIS)).hasValueSatisfying(
					m -> assertThat(m.street().name()).isEqualTo("Kerkstraat"));
			assertThat(LINDEVELD.street("Statiestraat", PlaceFixtures.NIS)).isEmpty();
		}

		@Test
		void theNumbersOfARangeAreThoseOnItsSideThatExist() {
			AddressRegister.Street street = LINDEVELD.street("Steenweg op Heikant", PlaceFixtures.NIS).orElseThrow().street();
			assertThat(LINDEVELD.numbersBetween(street, 152, 156)).extracting(Address::houseNumber)
				.containsExactly("152", "154", "156");
		}

		@Test
		void theAddressesOnParcelsAreThoseWhosePointLiesOnThem() {
			assertThat(LINDEVELD.on(List.of(CaPaKey.parse("99993B0105/00A000"), CaPaKey.parse("99993B0106/00R000"))))
				.extracting(a -> a.street() + " " + a.houseNumber())
				.containsExactly("Pastoor Vermeulenstraat 2", "Pastoor Vermeulenstraat 4");
		}

	}

}
