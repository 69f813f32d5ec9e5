package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The municipal dossier reference, kept in the municipality's own form ("1987/0456", "BV 88/214", "2011/00457",
 * "SV/1972/113", "RO-2005-0123"): an optional letter prefix and two or three groups of digits, read only after a label
 * that names it ("Dossiernummer:", "dossier", "Uw kenmerk:", "Ref.:", ...). Only whitespace is normalised; letters
 * that OCR mistakes for digits ("O", "l") are read as digits inside the digit groups.
 */
final class ReferenceRule {

	private static final String DIGIT = "[0-9OlI]";

	private static final Pattern LABELLED = Pattern.compile("(?i)\\b(dossier\\s?(?:nummer|nr\\.?|n°|no\\.?)?"
			+ "|bouwdossier|(?:uw|ons)\\s+kenmerk|kenmerk|ref(?:erentie)?\\.?|referentienummer|bouwaanvraag\\s+nr\\.?)"
			+ "\\s?[:.]?\\s{0,3}(?-i)((?:[A-Z]{1,4}(?:\\.?[A-Z]){0,2}\\.?\\s{0,3}[/-]?\\s?)?" + DIGIT + "{2,4}\\s?[/-]\\s?"
			+ DIGIT + "{1,6}(?:\\s?[/-]\\s?" + DIGIT + "{1,6})?)(?![\\w/-])");

	private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,2}[/-]\\d{1,2}[/-]\\d{2,4}");

	List<Extracted<String>> readings(PageView view) {
		List<Extracted<String>> readings = new ArrayList<>();
		Matcher m = LABELLED.matcher(view.flat);
		while (m.find()) {
			String raw = m.group(2);
			String value = normalise(raw);
			if (value == null) {
				continue;
			}
			String label = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[.:]$", "");
			double rule = value.equals(collapse(raw)) ? 0.95 : 0.8;
			readings.add(view.candidate(value, rule, "label:" + label, m.start(1), m.end(2)));
		}
		return readings;
	}

	/**
	 * The reference with single spaces, "O"/"l"/"I" in digit groups read as digits, or null when what is left is not
	 * a reference (a date, no digits in a group).
	 */
	static String normalise(String raw) {
		String value = collapse(raw);
		Matcher prefix = Pattern.compile("^([A-Z](?:\\.?[A-Z]){0,5}\\.?)?(.*)$").matcher(value);
		if (!prefix.matches()) {
			return null;
		}
		String letters = prefix.group(1) == null ? "" : prefix.group(1);
		String rest = prefix.group(2);
		// a prefix of only confusable letters directly before digits ("I987/...") was a digit
		if (!letters.isEmpty() && letters.matches("[OlI]+") && !rest.startsWith(" ") && !rest.startsWith("/")) {
			rest = letters + rest;
			letters = "";
		}
		rest = rest.replace('O', '0').replace('l', '1').replace('I', '1').replaceAll("\\s?([/-])\\s?", "$1");
		if (!rest.matches("[ /-]?\\d{2,4}[/-]\\d{1,6}([/-]\\d{1,6})?")) {
			return null;
		}
		if (letters.isEmpty() && DATE_LIKE.matcher(rest).matches()) {
			return null;
		}
		return letters + rest;
	}

	static String collapse(String raw) {
		return raw.strip().replaceAll("\\s+", " ");
	}

	/** The reference without spaces and punctuation differences, for comparing with the manifest. */
	static String comparable(String reference) {
		return reference == null ? "" : reference.toUpperCase(Locale.ROOT).replaceAll("[\\s.]", "");
	}

}
