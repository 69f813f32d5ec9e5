package be.permitarchive.georef;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parcel numbers as OCR read them, and the numbers one slip away. */
class ParcelNumberTest {

	@ParameterizedTest
	@CsvSource({ "46/ O4b,46/04b", "1O6R,106R", "33lF,331F", "l05a,105a", "243/£,243/f", "257 A,257A", "75/09f,75/09f", "457X2,457X2" })
	void readsWhatOcrMadeOfANumber(String written, String reading) {
		assertThat(ParcelNumber.reading(written)).contains(reading);
	}

	@Test
	void whatIsNoParcelNumberReadsAsNone() {
		assertThat(ParcelNumber.reading("abc")).isEmpty();
		assertThat(ParcelNumber.reading("0")).as("radical 0").isEmpty();
		assertThat(ParcelNumber.reading("12/3/4")).isEmpty();
	}

	@Test
	void letterSlipsChangeTheExponentBisOrPowerOnly() {
		assertThat(ParcelNumber.letterSlips("234n")).contains("234H", "234M", "234O").doesNotContain("284N");
		assertThat(ParcelNumber.letterSlips("243r")).contains("243F");
	}

	@Test
	void radicalSlipsChangeADigitOfTheRadical() {
		assertThat(ParcelNumber.radicalSlips("1696")).contains("169G", "1896");
		assertThat(ParcelNumber.radicalSlips("234n")).contains("284N").doesNotContain("234H");
	}

}
