package be.permitarchive.extract;

import be.permitarchive.dossier.Division;
import be.permitarchive.georef.Divisions;
import be.permitarchive.georef.Gazetteer;


import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParcelRuleTest {

	static final List<Division> DIVISIONS = List.of(new Division("31997", "ZANDHOVEKE 1 AFD", "31998", 1),
			new Division("31999", "ZANDHOVEKE 2 AFD", "31998", 2), new Division("11001", "ANDERDORP", "11002", 1));

	static List<Parcel> parcels(String text, String nis) {
		return new ParcelRule(Gazetteer.of(new Divisions(DIVISIONS)), nis, List.of(), List.of())
			.readings(new PageView(PageText.ofOcr("d.pdf", 0, text, List.of())))
			.stream()
			.map(r -> r.parcel().value())
			.toList();
	}

	static List<String> capakeys(String text) {
		return parcels(text, "31998").stream().map(Parcel::capakey).toList();
	}

	@Nested
	class WrittenForms {

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "kadastraal bekend als 2de afdeling, sectie B, nr. 123C;|31999B0123/00C000",
				"Kadaster: 1ste afdeling, sectie C, nr. 457X2|31997C0457/00X002",
				"2de afdeling, sectie B, perceel 88/02C|31999B0088/02C000",
				"ZANDHOVEKE 1 AFD, sectie C, perceel 457X2|31997C0457/00X002",
				"afdeling 2, sectie A, nr. 123/02C|31999A0123/02C000",
				"tweede afdeling, sectie D, perceelnummer 17B3|31999D0017/00B003",
				"2e afd. sectie A nr. 1234|31999A1234/00_000" })
		void normaliseToTheCaPaKey(String text, String capakey) {
			assertThat(capakeys(text)).containsExactly(capakey);
		}

		@Test
		void oldNotationWithSeveralNumbers() {
			// given the older notation with lower-case exponents behind a slash
			String text = "kadastraal bekend als 1ste afd., sie A nrs 95/g, 96/s en 96/x;";
			// when
			List<Parcel> found = parcels(text, "31998");
			// then
			assertThat(found).extracting(Parcel::capakey)
				.containsExactly("31997A0095/00G000", "31997A0096/00S000", "31997A0096/00X000");
			assertThat(found).extracting(Parcel::asWritten).containsOnly("1ste afd., sie A nrs 95/g, 96/s en 96/x");
		}

		@Test
		void partOfAParcel() {
			assertThat(parcels("1ste afdeling, sectie D, nr. 212B (deel)", "31998")).singleElement()
				.satisfies(p -> assertThat(p.partOfParcel()).isTrue());
			assertThat(parcels("2e afd. sectie A nr. 123C pie", "31998")).singleElement()
				.satisfies(p -> assertThat(p.partOfParcel()).isTrue());
			assertThat(parcels("2e afd. sectie A nr. 123C", "31998")).singleElement()
				.satisfies(p -> assertThat(p.partOfParcel()).isFalse());
		}

	}

	@Nested
	class Divisions_ {

		@Test
		void unknownMunicipalityKeepsTheTextWithoutCaPaKey() {
			// given an ordinal, but the dossier's municipality is not known
			// when
			List<Parcel> found = parcels("2de afdeling, sectie B, nr. 123C", null);
			// then
			assertThat(found).singleElement().satisfies(p -> {
				assertThat(p.capakey()).isNull();
				assertThat(p.asWritten()).isEqualTo("2de afdeling, sectie B, nr. 123C");
			});
		}

		@Test
		void noDivisionWrittenResolvesOnlyInAMunicipalityWithOneDivision() {
			assertThat(parcels("sectie B nr. 12", "11002")).extracting(Parcel::capakey).containsExactly("11001B0012/00_000");
			assertThat(parcels("sectie B nr. 12", "31998")).extracting(Parcel::capakey).containsOnlyNulls();
		}

		@Test
		void ordinalBeyondTheMunicipalitysDivisionsDoesNotResolve() {
			assertThat(parcels("3de afdeling, sectie B, nr. 12", "31998")).extracting(Parcel::capakey).containsOnlyNulls();
		}

	}

}
