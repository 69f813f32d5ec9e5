package be.permitarchive.georef;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Street names brought to one form before comparing: lower case, no accents or punctuation, abbreviations written
 * out ("Stwg."/"Stw." -> steenweg, "Kerkstr." -> kerkstraat, "St.-" -> sint-, "O.L.V." -> onze lieve vrouw) and the
 * letters OCR confuses folded together ("rn" ~ "m", "0" ~ "o", "1" ~ "l").
 */
final class StreetNames {

	private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

	private static final String[][] ABBREVIATIONS = { { "\\bst\\.?\\s*-\\s*", "sint " }, { "\\bst\\.\\s+", "sint " },
			{ "\\bsint-", "sint " }, { "\\bo\\.?\\s*l\\.?\\s*v\\.?(?=\\s|-|$)", "onze lieve vrouw" },
			{ "stwg\\.?(?=\\s|$)", "steenweg" }, { "stw\\.?(?=\\s|$)", "steenweg" }, { "stwg\\.?\\s*", "steenweg " },
			{ "str\\.?(?=\\s|$)", "straat" }, { "\\bln\\.?(?=\\s|$)", "laan" }, { "(?<=\\w)ln\\.(?=\\s|$)", "laan" },
			{ "\\bpl\\.?(?=\\s|$)", "plein" }, { "(?<=\\w)pl\\.(?=\\s|$)", "plein" } };

	private static final Pattern[] PATTERNS = new Pattern[ABBREVIATIONS.length];

	static {
		for (int i = 0; i < ABBREVIATIONS.length; i++) {
			PATTERNS[i] = Pattern.compile(ABBREVIATIONS[i][0]);
		}
	}

	private StreetNames() {
	}

	/** The comparable form of a street name; equal forms name the same street. */
	static String canonical(String street) {
		if (street == null) {
			return "";
		}
		String s = ACCENTS.matcher(Normalizer.normalize(street, Normalizer.Form.NFD)).replaceAll("");
		s = s.toLowerCase(Locale.ROOT).replace('’', '\'');
		for (int i = 0; i < PATTERNS.length; i++) {
			s = PATTERNS[i].matcher(s).replaceAll(ABBREVIATIONS[i][1]);
		}
		s = ocrFold(s);
		s = s.replaceAll("[^a-z ]", " ").replaceAll("\\s+", "");
		return s;
	}

	/** Letters and digits OCR mistakes for each other, folded to one representative. */
	private static String ocrFold(String s) {
		return s.replace("rn", "m")
			.replace("vv", "w")
			.replace("ij", "y")
			.replace('0', 'o')
			.replace('1', 'l')
			.replace('|', 'l')
			.replace('!', 'l')
			.replace('i', 'l')
			.replace('5', 's')
			.replace('8', 'b')
			.replace('6', 'b')
			.replace("cl", "d")
			.replace('c', 'e');
	}

	/** A house number with the digits OCR misreads set right: "8g" -> "89", "l2" -> "12", "24 a" -> "24A". */
	static String houseNumber(String number) {
		if (number == null) {
			return "";
		}
		String s = number.strip().replace(" ", "");
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean last = i == s.length() - 1;
			char digit = switch (c) {
				case 'O', 'o', 'D' -> '0';
				case 'l', 'I', '|', 'i', '!' -> '1';
				case 'g', 'q' -> '9';
				case 'S', 's' -> last && i > 0 ? c : '5';
				case 'B' -> last && i > 0 ? c : '8';
				case 'Z', 'z' -> last && i > 0 ? c : '2';
				default -> c;
			};
			out.append(Character.isLetter(digit) ? Character.toUpperCase(digit) : digit);
		}
		return out.toString();
	}

	/** The number without a suffix letter: "24A" -> "24". */
	static String numericPart(String canonicalNumber) {
		int end = 0;
		while (end < canonicalNumber.length() && Character.isDigit(canonicalNumber.charAt(end))) {
			end++;
		}
		return canonicalNumber.substring(0, end);
	}

}
