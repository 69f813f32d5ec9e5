package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parcel number as OCR read it ("46/ O4b", "1O6R", "243/£", "257 A"), the number it most likely says, and the
 * other numbers one OCR slip away: characters a recogniser takes for each other (O/0, l/1, I/1, S/5, B/8, Z/2,
 * G/6, h/n, r/f, c/e, ...) and a letter taken for its neighbour in the alphabet. The parcel map decides between
 * them ({@link Gazetteer}); on its own, a slip is only a candidate.
 */
public final class ParcelNumber {

	/**
	 * Characters OCR is known to take for each other (upper case: exponents are compared as capitals); read both
	 * ways ({@link #CONFUSED}).
	 */
	private static final Map<Character, String> LOOK_ALIKE = Map.ofEntries(Map.entry('0', "ODQ"), Map.entry('1', "ILT7"),
			Map.entry('2', "Z"), Map.entry('3', "8"), Map.entry('5', "S6"), Map.entry('6', "G5B8"), Map.entry('7', "1T"),
			Map.entry('8', "B36"), Map.entry('9', "GQ"), Map.entry('A', "OE4"), Map.entry('B', "8HRE"),
			Map.entry('C', "EOG"), Map.entry('D', "O0B"), Map.entry('E', "CFB"), Map.entry('F', "ERTP"),
			Map.entry('G', "C6OQ9"), Map.entry('H', "NBKM"), Map.entry('I', "1LJT"), Map.entry('J', "I"),
			Map.entry('K', "HXR"), Map.entry('L', "1IT"), Map.entry('M', "NH"), Map.entry('N', "HMRU"),
			Map.entry('O', "0CDQ"), Map.entry('P', "RF"), Map.entry('Q', "OG9"), Map.entry('R', "FNPBK"),
			Map.entry('S', "5"), Map.entry('T', "FL1"), Map.entry('U', "VN"), Map.entry('V', "UY"),
			Map.entry('X', "KY"), Map.entry('Y', "VX"), Map.entry('Z', "2"));

	/** What each character may have been: its look-alikes, and the characters it is a look-alike of. */
	private static final Map<Character, String> CONFUSED = symmetric(LOOK_ALIKE);

	/** Letters OCR reads where a digit stands, when a digit stands on both sides ("1O6R", "46/O4b"). */
	private static final String DIGIT_LIKE = "OoDlI|";

	private ParcelNumber() {
	}

	/**
	 * The number as {@link CaPaKey#fromWritten} takes it: spaces out, "£" as f, a letter that looks like a digit
	 * between digits as that digit; empty when it is not a parcel number at all.
	 */
	public static Optional<String> reading(String written) {
		if (written == null) {
			return Optional.empty();
		}
		String s = written.replaceAll("\\s", "").replace('£', 'f').replace('€', 'e');
		String digits = digitsBetweenDigits(s);
		if (valid(digits)) {
			return Optional.of(digits);
		}
		if (valid(s)) {
			return Optional.of(s);
		}
		// "33lF" reads as no number; with the l after a digit a 1, it is 331F
		String afterDigits = digitsAfterDigits(s);
		return valid(afterDigits) ? Optional.of(afterDigits) : Optional.empty();
	}

	/** Whether the number makes a CaPaKey (a radical above 0, a power only with an exponent letter). */
	public static boolean valid(String number) {
		if (!CaPaKey.isWrittenNumber(number)) {
			return false;
		}
		try {
			return CaPaKey.fromWritten("00000", 'A', number).radical() > 0;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The numbers one slip away from {@code written} outside its radical (the exponent letter, the bis, the power):
	 * the slips to try first, since a parcel's radical is usually read right and its letter is where OCR errs.
	 */
	public static List<String> letterSlips(String written) {
		return slips(written, false);
	}

	/** The numbers one slip away within the radical's digits ("284C" for "234C"). */
	public static List<String> radicalSlips(String written) {
		return slips(written, true);
	}

	private static List<String> slips(String written, boolean radical) {
		String s = written.replaceAll("\\s", "").replace('£', 'f').toUpperCase(Locale.ROOT);
		int radicalEnd = 0;
		while (radicalEnd < s.length() && Character.isDigit(s.charAt(radicalEnd))) {
			radicalEnd++;
		}
		Set<String> found = new LinkedHashSet<>();
		for (int i = radical ? 0 : radicalEnd; i < (radical ? radicalEnd : s.length()); i++) {
			char c = s.charAt(i);
			for (char other : substitutes(c, i >= radicalEnd)) {
				String variant = s.substring(0, i) + other + s.substring(i + 1);
				if (valid(variant)) {
					found.add(variant);
				}
			}
		}
		if (!radical && reading(written).isEmpty()) {
			// a number that reads as none may still hold a digit-like letter that is a digit ("1O6R")
			String digits = digitsBetweenDigits(s);
			if (valid(digits)) {
				found.add(digits);
			}
		}
		found.remove(s);
		return new ArrayList<>(found);
	}

	/** What {@code c} may have been; a letter after the radical may also be its neighbour in the alphabet. */
	private static List<Character> substitutes(char c, boolean afterRadical) {
		List<Character> out = new ArrayList<>();
		for (char other : CONFUSED.getOrDefault(c, "").toCharArray()) {
			out.add(other);
		}
		if (afterRadical && c >= 'A' && c <= 'Z') {
			if (c > 'A') {
				out.add((char) (c - 1));
			}
			if (c < 'Z') {
				out.add((char) (c + 1));
			}
		}
		return out;
	}

	private static Map<Character, String> symmetric(Map<Character, String> lookAlike) {
		Map<Character, Set<Character>> both = new java.util.TreeMap<>();
		lookAlike.forEach((c, others) -> {
			for (char other : others.toCharArray()) {
				both.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(other);
				both.computeIfAbsent(other, k -> new LinkedHashSet<>()).add(c);
			}
		});
		Map<Character, String> out = new java.util.HashMap<>();
		both.forEach((c, others) -> out.put(c, others.stream().map(String::valueOf).reduce("", String::concat)));
		return Map.copyOf(out);
	}

	private static String digitsAfterDigits(String s) {
		StringBuilder out = new StringBuilder(s);
		for (int i = 1; i < s.length(); i++) {
			if (DIGIT_LIKE.indexOf(s.charAt(i)) >= 0 && Character.isDigit(out.charAt(i - 1))) {
				out.setCharAt(i, "OoD".indexOf(s.charAt(i)) >= 0 ? '0' : '1');
			}
		}
		return out.toString();
	}

	private static String digitsBetweenDigits(String s) {
		StringBuilder out = new StringBuilder(s);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (DIGIT_LIKE.indexOf(c) < 0) {
				continue;
			}
			boolean digitBefore = i > 0 && (Character.isDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '/');
			boolean digitAfter = i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
			if (digitBefore && digitAfter || i == 0 && digitAfter) {
				out.setCharAt(i, "Oo".indexOf(c) >= 0 || c == 'D' ? '0' : '1');
			}
		}
		return out.toString();
	}

}
