package be.permitarchive.georef;

import be.permitarchive.dossier.Division;

import be.permitarchive.dossier.CaPaKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaPaKeyTest {

	static final Divisions ZANDHOVEKE = new Divisions(List.of(new Division("31997", "ZANDHOVEKE 1 AFD", "31998", 1),
			new Division("31999", "ZANDHOVEKE 2 AFD", "31998", 2)));

	@Nested
	class Parsing {

		@Test
		void readsTheSeventeenCharacterForm() {
			// given
			String text = "13013C0384/02H003";

			// when
			CaPaKey key = CaPaKey.parse(text);

			// then
			assertThat(key).isEqualTo(new CaPaKey("13013", 'C', 384, 2, 'H', 3));
			assertThat(key.toString()).isEqualTo(text);
			assertThat(key.uri()).isEqualTo("https://data.vlaanderen.be/id/perceel/13013C0384-02H003");
		}

		@Test
		void readsAKeyWithoutExponent() {
			// given / when
			CaPaKey key = CaPaKey.parse("24514C0024/00_000");

			// then
			assertThat(key.exponent()).isEqualTo('_');
			assertThat(key.writtenNumber()).isEqualTo("24");
		}

		@Test
		void refusesWhatIsNotACaPaKeyAndSaysWhatIsExpected() {
			// given / when / then
			assertThat(CaPaKey.tryParse("31999B123/00C000")).isEmpty();
			assertThatThrownBy(() -> CaPaKey.parse("31999b0123/00C000")).hasMessageContaining("DDDDDSRRRR/BBEPPP");
		}

	}

	@Nested
	class WrittenNumbers {

		@ParameterizedTest
		@CsvSource({ "123C,31999B0123/00C000", "457X2,31999B0457/00X002", "123/02C,31999B0123/02C000",
				"95/g,31999B0095/00G000", "88/02C,31999B0088/02C000", "88,31999B0088/00_000" })
		void buildsTheKeyFromTheWrittenParts(String number, String expected) {
			// given / when
			CaPaKey key = CaPaKey.fromWritten("31999", 'B', number);

			// then
			assertThat(key).hasToString(expected);
		}

		@Test
		void refusesAPowerWithoutExponent() {
			assertThatThrownBy(() -> CaPaKey.fromWritten("31999", 'B', "12/3/4"))
				.isInstanceOf(IllegalArgumentException.class);
		}

	}

	@Nested
	class Phrases {

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "2de afdeling, sectie B, nr. 123C|31999B0123/00C000|false",
				"1ste afd., sie A nrs 95/g en 96/s|31997A0095/00G000 31997A0096/00S000|false",
				"1ste afdeling, sectie C, nr. 457X2|31997C0457/00X002|false",
				"2de afdeling, sectie B, perceel 88/02C|31999B0088/02C000|false",
				"ZANDHOVEKE 2 AFD, sectie B, perceel 88/02C|31999B0088/02C000|false",
				"1ste afdeling, sectie D, nr. 212B (deel)|31997D0212/00B000|true",
				"sie B nrs 95/g, 96/s en 96/x|31998B0095/00G000 31998B0096/00S000 31998B0096/00X000|false" })
		void readsTheFormsDocumentsUse(String phrase, String expected, boolean part) {
			// given
			Divisions divisions = phrase.startsWith("sie")
					? new Divisions(List.of(new Division("31998", "ENKEL", "11111", 1))) : ZANDHOVEKE;
			String nis = phrase.startsWith("sie") ? "11111" : "31998";

			// when
			ParcelPhrase.Keys read = ParcelPhrase.read(phrase, nis, divisions);

			// then
			assertThat(read.problem()).isNull();
			assertThat(read.keys()).extracting(CaPaKey::toString).containsExactly(expected.split(" "));
			assertThat(read.partOnly()).isEqualTo(part);
		}

		@Test
		void saysWhyAPhraseCannotBeRead() {
			// given / when
			ParcelPhrase.Keys read = ParcelPhrase.read("5de afdeling, sectie B, nr. 12", "31998", ZANDHOVEKE);

			// then
			assertThat(read.readable()).isFalse();
			assertThat(read.problem()).contains("no cadastral division");
		}

	}

}
