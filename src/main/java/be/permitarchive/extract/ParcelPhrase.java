package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A written cadastral reference: "2de afdeling, sectie B, nr. 123C", "1ste afd., sie A nrs 95/g en 96/s",
 * "ZANDHOVEKE 2 AFD, sectie B, perceel 88/02C", "afdeling 2 sectie B nr 457X2 (deel)", "sectie C nr. 12 pie".
 * Finds the phrases in a text and splits each into its division (ordinal or name), section and numbers.
 */
final class ParcelPhrase {

	/** One number of a phrase and whether it is only part of the parcel. */
	record Number(String text, boolean part) {
	}

	/** A phrase at [start, end): division as ordinal (0 if not written) or name (null if not written). */
	record Found(int start, int end, int ordinal, String divisionName, char section, List<Number> numbers) {
	}

	private static final String ORDINAL_WORDS = "eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende";

	private static final String NUM = "\\d{1,4}(?:\\s?/\\s?\\d{1,2}[A-Za-z]?\\d{0,3}|/\\s?[A-Za-z]\\d{0,3}|[A-Za-z]\\d{0,3})?"
			+ "(?![\\p{L}\\d])";

	private static final String PART = "(?:\\s*\\(\\s*(?:deel|dl\\.?|pie)\\s*\\)|\\s+(?:pie|deel)\\b)?";

	private static final Pattern PHRASE = Pattern.compile("(?:(?:(?<ord>[1-9]\\d?|[lI](?=ste|e))\\s?(?:ste|de|e|ste\\.|de\\.)?\\s{0,3}"
			+ "(?i:afd(?:eling|\\.)?)|(?<word>(?i:" + ORDINAL_WORDS + "))\\s+(?i:afd(?:eling|\\.)?)|(?i:afd(?:eling|\\.)?)\\s?"
			+ "(?<ord2>[1-9]\\d?)(?!\\d)|(?<name>\\p{Lu}[\\p{Lu}' -]{2,30}\\s\\d{1,2}\\s?(?i:afd)\\.?))[\\s,.:;]*)?"
			+ "(?i:sectie|sect\\.|sie|s[il1]e|secti[eo]|seetie|sectle|seclie)\\s?(?<section>[A-Z])(?![\\p{L}\\d])[\\s,.:;]*"
			+ "(?i:nrs?\\.?|n[°o]s?\\.?|nummers?|perceel(?:nummers?|s)?|percelen|perc\\.)?\\s*(?<numbers>" + NUM + PART
			+ "(?:\\s*(?:,|en|&|\\+)\\s*" + NUM + PART + ")*)");

	private static final Pattern ONE = Pattern.compile("(?<num>" + NUM + ")(?<part>" + PART + ")");

	private ParcelPhrase() {
	}

	static List<Found> find(String text) {
		List<Found> found = new ArrayList<>();
		Matcher m = PHRASE.matcher(text);
		while (m.find()) {
			List<Number> numbers = new ArrayList<>();
			Matcher one = ONE.matcher(m.group("numbers"));
			while (one.find()) {
				numbers.add(new Number(one.group("num").replaceAll("\\s", ""), !one.group("part").isBlank()));
			}
			if (numbers.isEmpty()) {
				continue;
			}
			int ordinal = 0;
			if (m.group("ord") != null) {
				ordinal = Integer.parseInt(m.group("ord").replaceAll("[lI]", "1"));
			}
			else if (m.group("ord2") != null) {
				ordinal = Integer.parseInt(m.group("ord2"));
			}
			else if (m.group("word") != null) {
				ordinal = List.of(ORDINAL_WORDS.split("\\|")).indexOf(m.group("word").toLowerCase(Locale.ROOT)) + 1;
			}
			String name = m.group("name") == null ? null : Labels.collapse(m.group("name"));
			found.add(new Found(m.start(), m.end(), ordinal, name, m.group("section").charAt(0), numbers));
		}
		return found;
	}

}
