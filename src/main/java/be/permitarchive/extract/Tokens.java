package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** The words of a text in lower case with their offsets, and fuzzy comparison that tolerates OCR errors. */
final class Tokens {

	/** A word at [start, end). */
	record Token(String word, int start, int end) {
	}

	private static final Pattern WORD = Pattern.compile("[\\p{L}0-9]+");

	private static final LevenshteinDistance UP_TO_TWO = new LevenshteinDistance(2);

	private Tokens() {
	}

	static List<Token> of(String text) {
		List<Token> tokens = new ArrayList<>();
		Matcher m = WORD.matcher(text);
		while (m.find()) {
			tokens.add(new Token(m.group().toLowerCase(Locale.ROOT), m.start(), m.end()));
		}
		return tokens;
	}

	/**
	 * True when {@code word} is {@code expected} or one OCR error away from it (two for words of 12 letters or more);
	 * short words (under 5 letters) must be exact.
	 */
	static boolean like(String word, String expected) {
		if (word.equals(expected)) {
			return true;
		}
		if (expected.length() < 5 || Math.abs(word.length() - expected.length()) > 2) {
			return false;
		}
		int distance = UP_TO_TWO.apply(word, expected);
		int allowed = expected.length() >= 12 ? 2 : 1;
		return distance >= 0 && distance <= allowed;
	}

	/** The index of the first token from {@code from} on that is like {@code expected}, or -1. */
	static int indexOf(List<Token> tokens, String expected, int from, int to) {
		for (int i = Math.max(0, from); i < Math.min(tokens.size(), to); i++) {
			if (like(tokens.get(i).word(), expected)) {
				return i;
			}
		}
		return -1;
	}

}
