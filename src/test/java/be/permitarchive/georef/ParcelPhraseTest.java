package be.permitarchive.georef;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cadastral references as documents of several house styles write them, found anywhere in a page; the fixtures are
 * phrasings of a delivery in another municipality's style, as typed and as Tesseract read them.
 */
class ParcelPhraseTest {

	/** The division, each section with its numbers, e.g. "ordinal 2 / F: 46/04B". */
	static String read(String text) {
		List<ParcelPhrase> found = ParcelPhrase.find(text);
		assertThat(found).as(text).hasSize(1);
		ParcelPhrase phrase = found.get(0);
		ParcelPhrase.WrittenDivision d = phrase.division();
		String division = d.code() != null ? "code " + d.code() : d.name() != null ? "name " + d.name()
				: d.ordinal() > 0 ? "ordinal " + d.ordinal() : d.place() != null ? "place " + d.place() : "none";
		StringBuilder out = new StringBuilder(division);
		for (ParcelPhrase.Section section : phrase.sections()) {
			out.append(" / ").append(section.letter()).append(": ")
				.append(String.join(" ", section.numbers().stream().map(ParcelPhrase.Number::written).toList()));
		}
		return out.toString();
	}

	@Nested
	class Typed {

		@ParameterizedTest
		@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
				"Kadaster Afd. 2 Sie F 46/04B|ordinal 2 / F: 46/04B",
				"Kadastraal afdeling 2 sectie F nr(s) 46/04b|ordinal 2 / F: 46/04b",
				"op een terrein gelegen te Oosterlinde, Bremstr. 2, afdeling 2, sectie F, deel van nr. 46/04B;|ordinal 2 / F: 46/04B",
				"Kadastrale ligging Kad. Afd. 1, Sie E, nr. 257 A|ordinal 1 / E: 257 A",
				"kadastraal gekend onder 2de afdeling, sectie F, nummer(s) 43, 42, 75/09f|ordinal 2 / F: 43 42 75/09f",
				"afd. 2 sectie B nr. 1461|ordinal 2 / B: 1461",
				"Kadastrale ligging sectie E, perceelnummers 243C en 243/f|none / E: 243C 243/f",
				"Kadastraal sectie B nr(s) 105a, 106r|none / B: 105a 106r",
				"kadastraal gekend te Rodeveld, sectie B, nummers 105/a en 106R|place Rodeveld / B: 105/a 106R",
				"kadastraal gekend: Rodeveld, sectie B, nr. 105/a|place Rodeveld / B: 105/a",
				"kadastraal bekend als ZANDHOVEKE 2 AFD, sectie B, perceel 88/02C|name ZANDHOVEKE 2 AFD / B: 88/02C",
				"tweede afdeling, sectie D, perceelnummer 17B3|ordinal 2 / D: 17B3",
				"1ste afd., sie A nrs 95/g, 96/s en 96/x|ordinal 1 / A: 95/g 96/s 96/x",
				"afdeling 1, sectie A, nr. 12 en sectie B, nrs. 5, 6|ordinal 1 / A: 12 / B: 5 6",
				// a title block: the section letter without its word, after a cadastral label
				"Kadaster: B 123C, 124|none / B: 123C 124", "Kad.: afd. 2 B 88/02C|ordinal 2 / B: 88/02C" })
		void readsEveryPhrasing(String text, String expected) {
			assertThat(read(text)).isEqualTo(expected);
		}

		@Test
		void aPhraseMayRunOverALineBreak() {
			assertThat(read("kadastraal gekend onder 2de afdeling, sectie F,\nnummer(s) 43, 42, 75/09f"))
				.isEqualTo("ordinal 2 / F: 43 42 75/09f");
		}

		@Test
		void partOfAParcelIsMarkedOnItsNumber() {
			ParcelPhrase phrase = ParcelPhrase.find("afdeling 1, sectie C, nrs. 169H\n(deel) en 169G;").get(0);
			assertThat(phrase.numbers()).extracting(ParcelPhrase.Number::part).containsExactly(true, false);
			assertThat(ParcelPhrase.find("afdeling 1, sectie C, deel van nr. 73F.").get(0).partOnly()).isTrue();
		}

	}

	@Nested
	class Tables {

		@Test
		void everyRowOfAParcelTableIsAParcel() {
			// given a decision's table of parcels as OCR lays it out
			String text = "Kadastrale gegevens:\nAfdeling Sectie Perceelnummer\n2 F 43\n2 F 42\n2 F 75/09f\n2. Regelgeving";
			// when
			List<ParcelPhrase> rows = ParcelPhrase.find(text);
			// then
			assertThat(rows).extracting(p -> p.division().ordinal() + " " + p.sections().get(0).letter() + " "
					+ p.numbers().get(0).written()).containsExactly("2 F 43", "2 F 42", "2 F 75/09f");
		}

		@Test
		void theDivisionCodeAndTheAreaColumnAreReadForWhatTheyAre() {
			String text = "Afdeling Sectie Perceelnummer Oppervlakte\n2 (12432) E 282 A 4 a 47 ca\nJuridische grond";
			assertThat(ParcelPhrase.find(text)).singleElement().satisfies(row -> {
				assertThat(row.division().code()).isEqualTo("12432");
				assertThat(row.numbers()).extracting(ParcelPhrase.Number::written).containsExactly("282 A");
			});
		}

		@Test
		void aHeaderWhoseWordsOcrSplitIsStillTheHeader() {
			assertThat(ParcelPhrase.find("Afdeling  Sectie P erceelnummer Opperv lokte\n2 E 331 F 4 a 22 ca")).hasSize(1);
		}

		@Test
		void rowsSeparatedByBlankLinesStillBelongToTheTable() {
			String text = "| Afdeling Sectie Perceelnummer\n\n2 E 331 F\n\nOmgevingsloket - 24/05/2019 blz. 1/1";
			assertThat(ParcelPhrase.find(text)).extracting(p -> p.numbers().get(0).written()).containsExactly("331 F");
		}

	}

	@Nested
	class AsOcrReadThem {

		@ParameterizedTest
		@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
				// "afdeling" misread, "nr(s)" misread
				"Kadastraal\u201d afkling 2 sectie E nrs) 243c, 243f|ordinal 2 / E: 243c 243f",
				// a low single quote for the comma, a stray underscore
				"Kadastrale ligging Kad. Afd. 1, Sie E\u201a nr. 257 A _|ordinal 1 / E: 257 A",
				// full stops for commas between the numbers
				"Kadaster: afd. 2 sectie F nr. 43. 42. 75/09F|ordinal 2 / F: 43 42 75/09F",
				// an accented letter in "nr(s)", a space and an O in the bis
				"afdeling 2 sectie F nr\u00eds) 46/ O4b|ordinal 2 / F: 46/ O4b",
				// a comma for the full stop after "afd"
				"Kadaster: afd, 1 sectie E nr. 234H|ordinal 1 / E: 234H",
				// a comma after "nr", the first digit read as l, "sectie" with c for e
				"Kadaster: sectic B nr,105A, l06R|none / B: 105A l06R",
				// a word split in two
				"Kadaster: afd. 2 s ectie E nr. 331F|ordinal 2 / E: 331F",
				// a column rule before the phrase
				"\"|Afd. 2 Sie F 46/04B\"|ordinal 2 / F: 46/04B" })
		void readsWhatOcrMakesOfThePhrase(String text, String expected) {
			assertThat(read(text)).isEqualTo(expected);
		}

	}

	@Nested
	class NotParcels {

		@Test
		void aPostcodeAfterThePhraseIsNoParcelNumber() {
			assertThat(read("sectie E, nr. 257 A, 2894 Oosterlinde")).isEqualTo("none / E: 257 A");
		}

		@Test
		void theNextNumberedHeadingOfAFormIsNoParcelNumber() {
			assertThat(read("afdeling 2 sectie F nr(s) 43, 42, 75/09f. 3. AARD DER WERKEN"))
				.isEqualTo("ordinal 2 / F: 43 42 75/09f");
		}

		@Test
		void aCapitalAndANumberWithoutSectionWordOrCadastralLabelAreNoParcel() {
			assertThat(ParcelPhrase.find("Plan: B 12 van de reeks")).isEmpty();
			assertThat(ParcelPhrase.find("Kadaster: zie plan A 1")).isEmpty();
		}

		@Test
		void aTableHeaderAloneAndTextWithoutSectionAreNothing() {
			assertThat(ParcelPhrase.find("Afdeling Sectie Perceelnummer\n\nDe aanvraag werd ingediend op 12/09/2023"))
				.isEmpty();
			assertThat(ParcelPhrase.find("Het perceel is gelegen langs een voldoende uitgeruste gemeenteweg.")).isEmpty();
		}

	}

}
