package be.permitarchive.extract;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.text.similarity.LevenshteinDistance;

import be.permitarchive.extract.Tokens.Token;

/**
 * Dates written out in words, as formal decisions and deeds write them: "op de vijfentwintigste mei negentienhonderd
 * vijfenzestig", "zitting van de achttiende februari negentienhonderd eenennegentig", "tweeduizend en vijftien".
 * The number words are Dutch's own (units before tens: "vijfentwintig"), with or without the diaeresis
 * ("drieënzestig"), glued or spaced, and read with an OCR error or two in the longer words.
 */
final class DatesInWords {

	/** Spelled numbers 1-99, cardinal and ordinal, without diacritics, and their value. */
	private static final Map<String, Integer> NUMBERS = new HashMap<>();

	private static final String[] UNITS = { "", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen" };

	private static final String[] TEENS = { "tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien",
			"zeventien", "achttien", "negentien" };

	private static final String[] TENS = { "", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig",
			"tachtig", "negentig" };

	static {
		for (int n = 1; n < 100; n++) {
			String cardinal = cardinal(n);
			NUMBERS.put(cardinal, n);
			NUMBERS.put(ordinal(n, cardinal), n);
		}
		NUMBERS.put("een", 1);
		NUMBERS.put("eén", 1);
	}

	private static final LevenshteinDistance UP_TO_TWO = new LevenshteinDistance(2);

	private DatesInWords() {
	}

	static String cardinal(int n) {
		if (n < 10) {
			return UNITS[n];
		}
		if (n < 20) {
			return TEENS[n - 10];
		}
		int unit = n % 10;
		return unit == 0 ? TENS[n / 10] : UNITS[unit] + "en" + TENS[n / 10];
	}

	private static String ordinal(int n, String cardinal) {
		return switch (n) {
			case 1 -> "eerste";
			case 3 -> "derde";
			case 8 -> "achtste";
			default -> n < 20 ? cardinal + "de" : cardinal + "ste";
		};
	}

	/** Every date in words in the text. */
	static List<DutchDates.Found> find(String text, int latestYear) {
		String plain = fold(text);
		List<Token> tokens = Tokens.of(plain);
		List<DutchDates.Found> found = new ArrayList<>();
		for (int i = 1; i < tokens.size(); i++) {
			int month = tokens.get(i).word().length() >= 3 ? DutchDates.month(tokens.get(i).word()) : 0;
			if (month == 0) {
				continue;
			}
			int day = number(tokens.get(i - 1).word());
			if (day < 1 || day > 31) {
				continue;
			}
			int[] year = year(tokens, i + 1);
			if (year == null || year[0] < 1900 || year[0] > latestYear) {
				continue;
			}
			try {
				LocalDate date = LocalDate.of(year[0], month, day);
				int start = tokens.get(i - 1).start();
				if (i >= 2 && tokens.get(i - 2).word().equals("de")) {
					start = tokens.get(i - 2).start();
				}
				found.add(new DutchDates.Found(date, start, tokens.get(year[1]).end(), false));
			}
			catch (DateTimeException ex) {
				// "dertigste februari": not a date
			}
		}
		return found;
	}

	/** The year spelled from token {@code at} on and the index of its last token, or null. */
	private static int[] year(List<Token> tokens, int at) {
		if (at >= tokens.size()) {
			return null;
		}
		String first = tokens.get(at).word();
		for (String[] century : new String[][] { { "negentienhonderd", "1900" }, { "tweeduizend", "2000" } }) {
			int base = Integer.parseInt(century[1]);
			if (close(first, century[0])) {
				int next = at + 1;
				if (next < tokens.size() && tokens.get(next).word().equals("en")) {
					next++;
				}
				int rest = next < tokens.size() ? number(tokens.get(next).word()) : -1;
				return rest > 0 ? new int[] { base + rest, next } : new int[] { base, at };
			}
			if (first.length() > century[0].length() + 2 && close(first.substring(0, century[0].length()), century[0])) {
				String tail = first.substring(century[0].length()).replaceFirst("^en", "");
				int rest = number(tail);
				if (rest > 0) {
					return new int[] { base + rest, at };
				}
			}
		}
		return null;
	}

	/** The value of a spelled number 1-99 (cardinal or ordinal), within an OCR error or two, else -1. */
	static int number(String word) {
		Integer exact = NUMBERS.get(word);
		if (exact != null) {
			return exact;
		}
		if (word.length() < 7) {
			return -1;
		}
		int allowed = word.length() >= 13 ? 2 : 1;
		int best = -1;
		int bestDistance = Integer.MAX_VALUE;
		for (Map.Entry<String, Integer> entry : NUMBERS.entrySet()) {
			if (Math.abs(entry.getKey().length() - word.length()) > allowed) {
				continue;
			}
			int distance = UP_TO_TWO.apply(word, entry.getKey());
			if (distance >= 0 && distance <= allowed && distance < bestDistance) {
				best = entry.getValue();
				bestDistance = distance;
			}
		}
		return best;
	}

	private static boolean close(String word, String expected) {
		int distance = UP_TO_TWO.apply(word, expected);
		return distance >= 0 && distance <= 2;
	}

	/** Lower case without diacritics, one character for one, so that offsets stay those of the text. */
	static String fold(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
			out.append(base.length() == 1 ? base.toLowerCase(Locale.ROOT).charAt(0) : c);
		}
		return out.toString();
	}

}
