package be.permitarchive.georef;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How street names are written, in one place for every stage: the abbreviations documents use, written out
 * ("Stw. op Oudegem" -> "Steenweg op Oudegem", "Oosterlindesestwg." -> "Oosterlindesesteenweg", "Bosstr." ->
 * "Bosstraat", "St.-Jobstraat" -> "Sint-Jobstraat", "O.-L.-Vrouwstraat" -> "Onze-Lieve-Vrouwstraat"), a few OCR slips
 * in the common endings ("straal", "slraat"), and the comparable form in which two spellings of one street are equal
 * (lower case, no accents, spaces or punctuation, the letters OCR confuses folded together).
 */
public final class StreetNames {

	private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

	/**
	 * Abbreviation -> full form, applied in order. Suffixes glued to a name ("Kerkstr.") and separate words ("Stw. op
	 * ...") are both abbreviated in practice; a word ends at a space, a comma, a hyphen or the end.
	 */
	private static final String[][] ABBREVIATIONS = {
			{ "(?i)(?<=\\p{L})(?:stwg|stw|steenw)\\.?(?=[\\s,-]|$)", "steenweg" },
			{ "(?i)(?<![\\p{L}])(?:stwg|stw|steenw)\\.?(?=[\\s,-]|$)", "Steenweg" },
			{ "(?i)(?<=\\p{L})str\\.?(?=[\\s,-]|$)", "straat" },
			{ "(?<=\\p{L})(?:straal|slraat|strat|straatt|stiaat|sttaat)(?=[\\s,-]|$)", "straat" },
			{ "(?i)(?<=\\p{L})ln\\.(?=[\\s,-]|$)", "laan" },
			{ "(?i)(?<=\\p{L})pl\\.(?=[\\s,-]|$)", "plein" },
			{ "(?i)(?<![\\p{L}])st\\.?\\s?-\\s?", "Sint-" },
			{ "(?i)(?<![\\p{L}])st\\.\\s+(?=\\p{Lu})", "Sint-" },
			{ "(?i)(?<![\\p{L}])o\\.?\\s?-?\\s?l\\.?\\s?-?\\s?v\\.?(?=[\\s,-]|$)", "Onze-Lieve-Vrouw" },
			{ "(?i)(?<![\\p{L}])o\\.?\\s?-?\\s?l\\.?\\s?-\\s?", "Onze-Lieve-" },
			{ "(?i)(?<![\\p{L}])kon\\.\\s?", "Koning " }, { "(?i)(?<![\\p{L}])burg\\.\\s?", "Burgemeester " },
			{ "(?i)(?<![\\p{L}])gen\\.\\s?", "Generaal " }, { "(?i)(?<![\\p{L}])prof\\.\\s?", "Professor " } };

	private static final Pattern[] PATTERNS = new Pattern[ABBREVIATIONS.length];

	static {
		for (int i = 0; i < ABBREVIATIONS.length; i++) {
			PATTERNS[i] = Pattern.compile(ABBREVIATIONS[i][0]);
		}
	}

	private StreetNames() {
	}

	/** The street as written, abbreviations written out: the form to show when the register has no better one. */
	public static String expand(String written) {
		if (written == null) {
			return null;
		}
		String street = written.strip().replaceAll("\\s+", " ");
		for (int i = 0; i < PATTERNS.length; i++) {
			street = PATTERNS[i].matcher(street).replaceAll(ABBREVIATIONS[i][1]);
		}
		return street.replaceAll("\\s*-\\s*", "-").replaceAll("\\s+", " ").strip();
	}

	/** The comparable form of a street name; equal forms name the same street. */
	public static String canonical(String street) {
		if (street == null) {
			return "";
		}
		String s = ACCENTS.matcher(Normalizer.normalize(expand(street), Normalizer.Form.NFD)).replaceAll("");
		s = ocrFold(s.toLowerCase(Locale.ROOT).replace('’', '\''));
		return s.replaceAll("[^a-z]", "");
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
	public static String houseNumber(String number) {
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
	public static String numericPart(String canonicalNumber) {
		int end = 0;
		while (end < canonicalNumber.length() && Character.isDigit(canonicalNumber.charAt(end))) {
			end++;
		}
		return canonicalNumber.substring(0, end);
	}

}
