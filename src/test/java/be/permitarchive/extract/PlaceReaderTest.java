package be.permitarchive.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import be.permitarchive.georef.Gazetteer;
import be.permitarchive.georef.PlaceFixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Parcels and site addresses decided with the reference data as a dictionary (the fictional municipality of
 * {@link PlaceFixtures}): the register's address for the written one, a renamed street through the dossier's
 * parcels, the one parcel an OCR slip allows, and what cannot be resolved flagged, saying which and why.
 */
class PlaceReaderTest {

	static final Gazetteer LINDEVELD = PlaceFixtures.gazetteer();

	static PlaceReader.Places read(String... pages) {
		List<PageView> views = new ArrayList<>();
		for (int i = 0; i < pages.length; i++) {
			views.add(new PageView(PageText.ofOcr("dossier.pdf", i, pages[i], List.of())));
		}
		return new PlaceReader(LINDEVELD).read(views, PlaceFixtures.NIS);
	}

	static List<String> capakeys(PlaceReader.Places places) {
		return places.parcels().stream().map(p -> p.value().capakey()).toList();
	}

	static List<String> addresses(PlaceReader.Places places) {
		return places.addresses().stream().map(a -> a.value().street() + " " + a.value().houseNumber()
				+ (a.value().boxNumber() == null ? "" : " bus " + a.value().boxNumber()) + " #" + a.value().addressId()).toList();
	}

	@Nested
	class Addresses {

		@Test
		void anAbbreviatedAddressIsRegisteredAsTheRegisterGivesItWithTheWrittenFormAsEvidence() {
			// when
			PlaceReader.Places places = read("Ligging: Stw. op Heikant 154\n\nKadaster: afd. 1 sectie A nr. 153");
			// then
			assertThat(places.addresses()).singleElement().satisfies(a -> {
				assertThat(a.value()).isEqualTo(new Address("Steenweg op Heikant", "154", null, "2894", "Lindeveld", "L-S154"));
				assertThat(a.evidence().text()).isEqualTo("Stw. op Heikant 154");
			});
			assertThat(places.review()).isEmpty();
		}

		@Test
		void aRenamedStreetIsFoundThroughTheDossiersParcels() {
			// given an old dossier of the former municipality: its street has another name today, its phrase no division
			String application = "GEMEENTE BROEKHOVE\nDienst der Stedebouw\n\n2. LIGGING VAN HET GOED\n"
					+ "Adres van het goed Statiestraat 4 en 6, Broekhove\nKadastraal sectie B nr(s) 106r, 107";
			String plan = "Ligging: Statiestraat 4, Broekhove\nKadaster: sectie B nr. 106R, 107";
			// when
			PlaceReader.Places places = read(application, plan);
			// then
			assertThat(capakeys(places)).containsExactlyInAnyOrder("99993B0106/00R000", "99993B0107/00_000");
			assertThat(addresses(places)).containsExactlyInAnyOrder("Pastoor Vermeulenstraat 4 #L-P4",
					"Pastoor Vermeulenstraat 6 #L-P6");
			assertThat(places.review()).isEmpty();
		}

		@Test
		void aRangeIsTheNumbersOfThatSideOfTheStreetThatExist() {
			assertThat(addresses(read("Ligging: Steenweg op Heikant 152-156, 2894 Lindeveld"))).containsExactly(
					"Steenweg op Heikant 152 #L-S152", "Steenweg op Heikant 154 #L-S154", "Steenweg op Heikant 156 #L-S156");
		}

		@Test
		void aStreetWithoutNumberIsTheStreetOnly() {
			PlaceReader.Places places = read("Ligging: Kerkstr., z.nr., 2894 Lindeveld\n\nKadaster: afd. 2 sectie B nr. 13");
			assertThat(places.addresses()).singleElement()
				.satisfies(a -> assertThat(a.value()).isEqualTo(new Address("Kerkstraat", null, null, "2894", "Lindeveld")));
			assertThat(places.review()).isEmpty();
		}

		@Test
		void theBoxIsTheRegistersAndTheAddressWithoutItIsNoSecondAddress() {
			PlaceReader.Places places = read("Projectadres Steenweg op Heikant 154 bus 2, 2894 Lindeveld",
					"Ligging: Steenweg op Heikant 154, Lindeveld");
			assertThat(addresses(places)).containsExactly("Steenweg op Heikant 154 bus 2 #L-154-2");
		}

		@Test
		void theApplicantsResidenceIsNotTheSite() {
			String form = "1. AANVRAGER(S)\nNaam en voornaam PEETERS Jan\nAdres Kerkstraat 5, 2894 Lindeveld\n"
					+ "2. LIGGING VAN HET GOED\nAdres van het goed Steenweg op Heikant 158, 2894 Lindeveld";
			assertThat(addresses(read(form))).containsExactly("Steenweg op Heikant 158 #L-S158");
		}

		@Test
		void anAddressTheRegisterDoesNotHoldIsKeptAsWrittenAndFlagged() {
			// when
			PlaceReader.Places places = read("Ligging: Molenweg 12, 2894 Lindeveld", "Adres van het goed Molenweg 12");
			// then
			assertThat(places.addresses()).singleElement().satisfies(a -> {
				assertThat(a.value().street()).isEqualTo("Molenweg");
				assertThat(a.value().addressId()).isNull();
				assertThat(a.value().doubt().reason()).isEqualTo(ReviewReason.ADDRESS_UNRESOLVED);
				assertThat(a.value().doubt().why()).contains("Molenweg");
			});
			assertThat(places.review()).contains(ReviewReason.ADDRESS_UNRESOLVED);
		}

		@Test
		void aStreetFoundOnlyUnderASimilarNameIsAGuess() {
			PlaceReader.Places places = read("Ligging: Kerkstreet 5, 2894 Lindeveld", "Adres van het goed Kerkstreet 5");
			assertThat(addresses(places)).containsExactly("Kerkstraat 5 #L-K5");
			assertThat(places.addresses().get(0).value().doubt().reason()).isEqualTo(ReviewReason.ADDRESS_GUESSED);
		}

	}

	@Nested
	class Parcels {

		@Test
		void aParcelReadWithAnOcrSlipOnOnePageIsTheOneTheOtherPagesRead() {
			// when
			PlaceReader.Places places = read("Kadastraal afdeling 2 sectie B nr(s) 14r",
					"Kadastrale ligging afdeling 2, sectie B, nr. 14F", "Kadaster: afd. 2 sectie B nr. 14F");
			// then
			assertThat(capakeys(places)).containsExactly("99992B0014/00F000");
			assertThat(places.parcels().get(0).value().doubt()).isNull();
			assertThat(places.review()).isEmpty();
		}

		@Test
		void aParcelReadOnlyWithAnOcrSlipIsRegisteredAndFlaggedAsAGuess() {
			// when
			PlaceReader.Places places = read("Kadastraal afdeling 2 sectie B nr(s) 14r");
			// then
			assertThat(capakeys(places)).containsExactly("99992B0014/00F000");
			assertThat(places.parcels().get(0).value().doubt()).satisfies(d -> {
				assertThat(d.reason()).isEqualTo(ReviewReason.PARCEL_GUESSED);
				assertThat(d.why()).contains("'14r'").contains("99992B0014/00F000");
			});
			assertThat(places.review()).contains(ReviewReason.PARCEL_GUESSED);
		}

		@Test
		void aParcelThatExistsNowhereIsKeptAsWrittenWithoutCaPaKeyAndFlagged() {
			// when
			PlaceReader.Places places = read("Kadastraal afdeling 2 sectie B nr(s) 847",
					"Kadastrale ligging afdeling 2, sectie B, nr. 847");
			// then
			assertThat(places.parcels()).isNotEmpty().allSatisfy(p -> {
				assertThat(p.value().capakey()).isNull();
				assertThat(p.value().asWritten()).contains("847");
				assertThat(p.value().doubt().reason()).isEqualTo(ReviewReason.PARCEL_UNRESOLVED);
				assertThat(p.value().doubt().why()).contains("'847'");
			});
			assertThat(places.review()).contains(ReviewReason.PARCEL_UNRESOLVED);
		}

		@Test
		void withoutADivisionTheOneWhereAllNumbersExistIsTaken() {
			PlaceReader.Places places = read("Kadaster: sectie B nrs. 12C, 13");
			assertThat(capakeys(places)).containsExactlyInAnyOrder("99992B0012/00C000", "99992B0013/00_000");
			assertThat(places.review()).isEmpty();
		}

		@Test
		void withoutADivisionOneNumberThatExistsInOneDivisionIsAGuess() {
			PlaceReader.Places places = read("Kadaster: sectie B nr. 13");
			assertThat(capakeys(places)).containsExactly("99992B0013/00_000");
			assertThat(places.review()).contains(ReviewReason.PARCEL_GUESSED);
		}

	}

}
