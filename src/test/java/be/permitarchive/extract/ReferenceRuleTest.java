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
		void needsALabelAndRefusesDatesAndGarbledNumbers() {
			// given a date after a label, an unlabelled number, a number OCR garbled beyond repair
			String text = "Datum: 12/03/1987\n1987/0456 staat hier los\nDossiernummer: 19#7/04x6\n"
					+ "na onderzoek van het dossier en een plaatsbezoek";
			// when / then
			assertThat(references(text)).isEmpty();
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
