package be.permitarchive.extract;

import java.util.regex.Pattern;

/**
 * Street names as written, expanded to their full form: "Antwerpsestwg." and "Antwerpse Stw." become
 * "Antwerpsesteenweg" and "Antwerpse Steenweg", "St.-Jobstraat" becomes "Sint-Jobstraat", "O.-L.-Vrouwstraat"
 * becomes "Onze-Lieve-Vrouwstraat". Also undoes a few OCR slips in the common endings ("straal", "slraat").
 */
final class StreetNames {

	private static final String[][] ABBREVIATIONS = {
			{ "(?i)(?<=\\p{L})stwg\\.?$|(?<=\\p{L})stw\\.$", "steenweg" },
			{ "(?<=\\s)(?i:stwg|stw)\\.?$", "Steenweg" },
			{ "^(?i:st)\\.?\\s?-\\s?", "Sint-" },
			{ "(?<=\\s)(?i:st)\\.?\\s?-\\s?", "Sint-" },
			{ "^(?i:o\\.?\\s?-?\\s?l\\.?\\s?-\\s?)", "Onze-Lieve-" },
			{ "(?i)(?<=\\p{L})str\\.$", "straat" },
			{ "(?<=\\p{L})(straal|slraat|strat|straatt)$", "straat" },
			{ "(?i)(?<=\\p{L})ln\\.$", "laan" },
			{ "^(?i:kon)\\.\\s?", "Koning " },
			{ "^(?i:burg)\\.\\s?", "Burgemeester " } };

	private static final Pattern[] PATTERNS = new Pattern[ABBREVIATIONS.length];

	static {
		for (int i = 0; i < ABBREVIATIONS.length; i++) {
			PATTERNS[i] = Pattern.compile(ABBREVIATIONS[i][0]);
		}
	}

	private StreetNames() {
	}

	static String expand(String written) {
		String street = Labels.collapse(written);
		for (int i = 0; i < PATTERNS.length; i++) {
			street = PATTERNS[i].matcher(street).replaceAll(ABBREVIATIONS[i][1]);
		}
		return street.replaceAll("\\s*-\\s*", "-");
	}

}
