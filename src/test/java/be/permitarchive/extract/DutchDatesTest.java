package be.permitarchive.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DutchDatesTest {

	final DutchDates around1987 = new DutchDates(1987, 2026);

	List<LocalDate> dates(DutchDates rule, String text) {
		return rule.find(text).stream().map(DutchDates.Found::date).toList();
	}

	@Nested
	class WrittenForms {

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "Zitting van 12 maart 1987|1987-03-12", "op 12/03/1987.|1987-03-12",
				"Beslissing college: 12.03.87|1987-03-12", "12-3-1987|1987-03-12", "12 MAART 1987|1987-03-12",
				"12/3/87|1987-03-12", "1 jan. 1987|1987-01-01", "12 maart '87|1987-03-12" })
		void readsTheUsualForms(String text, String expected) {
			// given a text with one date; when
			List<LocalDate> found = dates(around1987, text);
			// then
			assertThat(found).containsExactly(LocalDate.parse(expected));
		}

		@Test
		void toleratesOcrErrorsInMonthAndDigits() {
			// given month with one wrong letter, "O" for zero, "l" for one
			String text = "Zitting van 18 junl 1991 en 1O/06/l991 en 3 rnaart 1988";
			// when
			List<LocalDate> found = dates(new DutchDates(1991, 2026), text);
			// then "junl" is too short to correct safely; the others are read
			assertThat(found).containsExactly(LocalDate.of(1991, 6, 10), LocalDate.of(1988, 3, 3));
		}

	}

	@Nested
	class NotDates {

		@Test
		void referencesImpossibleDatesAndFutureYearsAreNotDates() {
			// given
			String text = "dossier 1987/0456, SV/1972/113, 31/02/1987, 12/03/2099, 2011/00457";
			// when / then
			assertThat(dates(around1987, text)).isEmpty();
		}

	}

	@Nested
	class TwoDigitYears {

		@ParameterizedTest
		@CsvSource({ "87,1987,1987", "05,1987,2005", "05,2003,2005", "87,2010,1987", "24,2020,2024", "55,1960,1955",
				"99,2001,1999" })
		void goToTheCenturyClosestToTheEra(int yy, int era, int expected) {
			assertThat(DutchDates.resolveTwoDigitYear(yy, era)).isEqualTo(expected);
		}

	}

}
