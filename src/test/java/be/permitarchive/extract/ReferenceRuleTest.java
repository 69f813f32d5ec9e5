package be.permitarchive.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceRuleTest {

	static List<String> references(String text) {
		return new ReferenceRule().readings(new PageView(PageText.ofOcr("d.pdf", 0, text, List.of()))).stream()
			.map(Extracted::value)
			.toList();
	}

	@Nested
	class LocalForms {

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "Dossiernummer: 1987/0456|1987/0456",
				"Betreft: bouwvergunning, dossier BV 88/214|BV 88/214", "Uw kenmerk: 2011/00457|2011/00457",
				"Ref.: SV/1972/113|SV/1972/113", "Ons kenmerk : RO/2005/0123|RO/2005/0123",
				"Dossier nr. 1994-0456 van|1994-0456", "Ref.: B.V. 91/261|B.V. 91/261",
				"Dossiernummer:  BV   91/214|BV 91/214" })
		void keepsTheFormAndNormalisesWhitespaceOnly(String text, String expected) {
			assertThat(references(text)).containsExactly(expected);
		}

		@Test
		void readsLettersOcrMistakesForDigitsAsDigits() {
			// given OCR read the zero as "O" and the one as "l"
			// when
			List<String> found = references("Dossiernummer: 1974/O123\nUw kenmerk: BV 9l/214");
			// then
			assertThat(found).containsExactly("1974/0123", "BV 91/214");
		}

	}

	@Nested
	class NotReferences {

		@Test
		void refusesDatesAndGarbledNumbers() {
			// given a date after a label, a number OCR garbled beyond repair
			String text = "Datum: 12/03/1987\nDossiernummer: 19#7/04x6\nna onderzoek van het dossier en een plaatsbezoek";
			// when / then
			assertThat(references(text)).isEmpty();
		}

		@Test
		void refusesTheRegionsFileNumbersSessionNumbersParcelsScalesAndAmounts() {
			String text = "Kenmerk 8.00/12094/1644.7\nBesluit 2023_CBS_08639 en CBS/2015/0950\nafdeling 2, sectie F, nr. 183/04"
					+ "\nSchaal: 1/100 Blad 1/2\neen regenwaterput van 10.000 liter\ntel. 015 75 24 16";
			assertThat(references(text)).isEmpty();
		}

		@Test
		void anUnlabelledNumberIsOnlyAWeakCandidate() {
			List<Extracted<String>> readings = new ReferenceRule()
				.readings(new PageView(PageText.ofOcr("d.pdf", 0, "1987/0456 staat hier los\nDossier: 1988/0001", List.of())));
			assertThat(readings).extracting(Extracted::value).containsExactly("1987/0456", "1988/0001");
			assertThat(readings.get(1).confidence()).isGreaterThan(3 * readings.get(0).confidence());
		}

	}

	@Nested
	class OmvNumbers {

		List<String> omv(String text) {
			return new OmvNumberRule(2026).readings(new PageView(PageText.ofOcr("d.png", 0, text, List.of())))
				.stream()
				.map(Extracted::value)
				.toList();
		}

		@Test
		void toleratesZeroForOAndSpaceForUnderscore() {
			assertThat(omv("Projectnummer: OMV_2023072614")).containsExactly("OMV_2023072614");
			assertThat(omv("projectnummer 0MV 2023072614,")).containsExactly("OMV_2023072614");
			assertThat(omv("OMV_2023 072614")).containsExactly("OMV_2023072614");
		}

		@Test
		void refusesWrongLengthsAndYears() {
			assertThat(omv("OMV_202307261 en OMV_20230726145 en OMV_1999072614")).isEmpty();
		}

	}

}
