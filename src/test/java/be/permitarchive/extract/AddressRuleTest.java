package be.permitarchive.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Site addresses as written, in the phrasings of another municipality's house style, typed and as Tesseract read
 * them; and what is not the site.
 */
class AddressRuleTest {

	static final AddressRule RULE = new AddressRule(List.of("Lindeveld", "Broekhove"));

	static List<AddressRule.Site> sites(String text) {
		return RULE.sites(new PageView(PageText.ofOcr("d.pdf", 0, text, List.of())));
	}

	/** "street / numbers / box / postcode / municipality", "-" for what is not written. */
	static String site(String text) {
		List<AddressRule.Site> found = sites(text);
		assertThat(found).as(text).hasSize(1);
		AddressRule.Site s = found.get(0);
		return s.street() + " / " + (s.withoutNumber() ? "-" : String.join(s.range() ? "-" : "+", s.numbers())) + " / "
				+ dash(s.box()) + " / " + dash(s.postcode()) + " / " + dash(s.municipality());
	}

	static String dash(String value) {
		return value == null ? "-" : value;
	}

	@Nested
	class Phrasings {

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = {
				"Adres van het goed Statiestraat 8 en 10, Broekhove|Statiestraat / 8+10 / - / - / Broekhove",
				"Ligging Steenw. op Heikant 138-140|Steenw. op Heikant / 138-140 / - / - / -",
				"Ligging: Stw. op Heikant 138 en 140, 2894 Lindeveld|Stw. op Heikant / 138+140 / - / 2894 / Lindeveld",
				"Ligging van het goed Steenweg op Heikant n° 23, 2894 Lindeveld|Steenweg op Heikant / 23 / - / 2894 / Lindeveld",
				"Adres van het goed Lindeveld, Steenweg op Heikant 23|Steenweg op Heikant / 23 / - / - / Lindeveld",
				"Adres van het goed Bremstraat 2 te Lindeveld|Bremstraat / 2 / - / - / Lindeveld",
				"Projectadres Beukenlaan 31 bus 0.2, 2894 Lindeveld|Beukenlaan / 31 / 0.2 / 2894 / Lindeveld",
				"Ligging Bremstr. 2|Bremstr. / 2 / - / - / -",
				"Ligging: Bremstraat 2, Lindeveld|Bremstraat / 2 / - / - / Lindeveld",
				"Het goed is gelegen te Lindeveld, Schoolstraat 87.|Schoolstraat / 87 / - / - / Lindeveld",
				"Het perceel is gelegen aan de Kerkstraat 5a te Lindeveld.|Kerkstraat / 5a / - / - / Lindeveld",
				"Bouwplaats: Kerkstraat 12 b. 3, 2894 Lindeveld|Kerkstraat / 12 / 3 / 2894 / Lindeveld",
				"Locatie Kerkstraat 12 A|Kerkstraat / 12A / - / - / -" })
		void numberedAddresses(String text, String expected) {
			assertThat(site(text)).isEqualTo(expected);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "Ligging Bremstr. z.n.|Bremstr / - / - / - / -",
				"Adres van het goed Bremstr. z.n., 2894 Lindeveld|Bremstr / - / - / 2894 / Lindeveld",
				"Ligging: Bremstraat, z.nr., 2894 Lindeveld|Bremstraat / - / - / 2894 / Lindeveld",
				"Ligging Bremstraat zn, 2894 Lindeveld|Bremstraat / - / - / 2894 / Lindeveld",
				"Adres van het goed Lindeveld, Steenweg op Heikant (zonder nummer)|Steenweg op Heikant / - / - / - / Lindeveld",
				"Ligging: Bremstraat, Lindeveld|Bremstraat / - / - / - / Lindeveld",
				"Ligging: Steenweg op Heikant, Lindeveld|Steenweg op Heikant / - / - / - / Lindeveld" })
		void streetsWithoutNumber(String text, String expected) {
			assertThat(site(text)).isEqualTo(expected);
		}

		@Test
		void inRunningText() {
			assertThat(site("op een terrein gelegen te Lindeveld,\nBremstr. 2, afdeling 2, sectie F, deel van nr. 46/04B;"))
				.isEqualTo("Bremstr. / 2 / - / - / Lindeveld");
		}

		@Test
		void inALettersSubjectLine() {
			assertThat(site("Betreft: uw aanvraag tot stedenbouwkundige vergunning - Stw. op Heikant 23, 2894 Lindeveld"))
				.isEqualTo("Stw. op Heikant / 23 / - / 2894 / Lindeveld");
			assertThat(site("Betreft: stedenbouwkundige vergunning - Stw. op Heikant, z.nr.,\n2894 Lindeveld"))
				.isEqualTo("Stw. op Heikant / - / - / 2894 / Lindeveld");
			assertThat(site("Onderwerp: omgevingsvergunning - Schoolstraat 87, 2894 Lindeveld - het\nverbouwen van een woning"))
				.isEqualTo("Schoolstraat / 87 / - / 2894 / Lindeveld");
			assertThat(sites("Betreft: aanvraag van Elza Vos - het verkavelen van een grond in 5 loten")).isEmpty();
		}

		@Test
		void onTheLineAfterItsLabelWhereOcrSplitAFormsColumns() {
			assertThat(site("2. LIGGING VAN HET GOED\n\nAdres van het goed\n\nBosstraat 20, 2894 Lindeveld\n\nKadastraal"))
				.isEqualTo("Bosstraat / 20 / - / 2894 / Lindeveld");
		}

		@Test
		void asOcrReadThem() {
			// a column rule and a bracket before the value, a hyphen inside the municipality
			assertThat(site("Ligging van het goed |{Statiestr. 8-10, Broeke-hove"))
				.isEqualTo("Statiestr. / 8-10 / - / - / Broekhove");
			// full stops for commas
			assertThat(site("Ligging: Bremstraat. z.nr.. 2894 Lindeveld")).isEqualTo("Bremstraat / - / - / 2894 / Lindeveld");
			// "van" read without its a, and a street name split
			assertThat(site("Adres vn het goed: Sta iestraat 8 en 10, Broekhove"))
				.isEqualTo("Sta iestraat / 8+10 / - / - / Broekhove");
			// "n°" read as "nè"
			assertThat(site("Ligging van het goed Steenweg op Heikant n\u00e8 23, 2894 Lindeveld"))
				.isEqualTo("Steenweg op Heikant / 23 / - / 2894 / Lindeveld");
		}

	}

	@Test
	void theProvenanceNamesTheLabelWhateverOcrMadeOfIt() {
		assertThat(AddressRule.labelName("Lig ging van he t goed")).isEqualTo("ligging van het goed");
		assertThat(AddressRule.labelName("Adres vn het goed:")).isEqualTo("adres van het goed");
		assertThat(AddressRule.labelName("Projectadres")).isEqualTo("projectadres");
	}

	@Nested
	class NotTheSite {

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "Naam en voornaam VAN RANSBEECK Florent\nAdres Lierseweg 85, 2350 Westerlo",
				"Woonplaats Stationsstraat 83, Booischot",
				"de heer VAN RANSBEECK Florent, wonende te 2350 Westerlo, Lierseweg 85, strekkende tot",
				"door mevrouw Elza Vos, woonachtig te Bonheiden, Grote Markt 38, en betreft",
				"door de echtgenoten Filip JANSSENS en Sonja SCHOOFS, met adres Akkerstraat 21, 2894 Lindeveld",
				"Contactadres aanvrager Akkerstraat 21, 2894 Lindeveld",
				"Architect arch. Louis Maes, Kardinaal Mercierlaan 71, 2634 Nijlen",
				"Gemeente Lindeveld\nDienst Ruimtelijke Ordening\nBosstraat 1, 2894 Lindeveld - tel. 015 75 24 16",
				"Ligging en kadastrale gegevens", "Kadastrale ligging sectie E, perceelnummer 236C",
				"Het perceel is gelegen langs een voldoende uitgeruste gemeenteweg." })
		void isNotRead(String text) {
			assertThat(sites(text)).isEmpty();
		}

		@Test
		void aRangeThatCannotBeOneBlockOfHousesIsAMisreading() {
			// "138-140" with the 8 lost: 13 is odd, 140 even
			assertThat(sites("Ligging Steenw. op Heikant 13 -140")).isEmpty();
		}

	}

}
