package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The municipal dossier reference, kept in the municipality's own form ("1987/0456", "BV 88/214", "B 90/63",
 * "BA.77.50", "92/B/326", "SV/1972/113", "RO-2005-0123"): an optional letter prefix and two or three groups of digits
 * (a letter group may stand between them). Every such number on every page is a candidate; how sure a candidate is
 * depends on where and how it stands:
 * <ul>
 * <li>its label, before it on the line or above it in a row of column headings ({@link Columns}): "Dossier",
 * "Nr. bouwaanvraag", "Referte" name the municipality's number; "Kenmerk aanvrager", "Prov. dossier", "Datum" name
 * something else. "Uw kenmerk" and "Ons kenmerk" depend on who writes: in a letter to the college "Uw kenmerk" is the
 * municipality's, in the municipality's own letter "Ons kenmerk" is;</li>
 * <li>the page's {@link DocumentRole}: a number in a plan's title block is the architect's;</li>
 * <li>its shape: numbers with a letter prefix are the usual municipal form, a bare "77.050" is as likely an amount or
 * a drawing number.</li>
 * </ul>
 * The readings of all pages are then combined ({@link Votes}), so that the number the cover, the application, the
 * advice and the decision all carry wins over one a single document carries. Only whitespace is normalised; letters
 * that OCR mistakes for digits ("O", "l") are read as digits inside the digit groups. Not references: dates, the
 * region's file numbers ("8.00/12094/1644.7"), college session numbers ("2023_CBS_08639", "CBS/2015/0950"), parcel
 * numbers, scales and page numbers.
 */
final class ReferenceRule {

	private static final String DIGIT = "[0-9OlI]";

	private static final Pattern SHAPE = Pattern.compile("(?<![\\w/.-])((?:[A-Z]{1,5}(?:\\.[A-Z]{1,3})*\\.?[/-]?\\s{0,3})?"
			+ DIGIT + "{2,4}(?:[ ./-]?[A-Z]{1,3})?[./-]\\s?" + DIGIT + "{1,6}(?:[./-]" + DIGIT + "{1,6})?)(?![\\w/-]|[.,]\\d)");

	private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,2}[/.-]\\d{1,2}[/.-]('?\\d{2}|\\d{4})");

	/** Labels that name the municipality's own number. */
	private static final Pattern MUNICIPAL = Pattern.compile("(?i)(gemeentelijk(e)?\\s+)?dossier\\s?(nummer|nr\\.?|n°|no\\.?)?"
			+ "|bouwdossier|(nr\\.?\\s+)?bouwaanvraag(\\s+nr\\.?)?|aanvraag\\s+(nr\\.?|n°)|aanvraagnummer|nummer\\s+aanvraag"
			+ "|(gemeentelijke\\s+)?referte|(gemeentelijke\\s+)?referentie(nummer)?|ref\\.?\\s+gemeente|vervolg\\s+(beslissing|besluit)"
			+ "|dossiernummer|(ons|uw)\\s+dossier");

	/** Labels that are ambiguous on their own: "Ref.:", "Kenmerk:", "Nr.". */
	private static final Pattern NEUTRAL = Pattern.compile("(?i)ref\\.?|kenmerk|nr\\.?|nummer");

	/** Labels of someone else's number. */
	private static final Pattern OTHER = Pattern.compile("(?i)(kenmerk|ref\\.?|referte|referentie)\\s+(aanvrager|architect"
			+ "|ontwerper|gew\\.?\\s*dienst|provincie|agentschap|stedenbouw)"
			+ "|prov(inciaal|\\.)?\\s*(dossier|ref\\.?|kenmerk)|gew(estelijke|\\.)?\\s*dienst|ref\\.?\\s+stedebouw"
			+ "|architect|ontwerper|datum|brief\\s+van|besluitnummer|omgevingsloketnummer|punt|agendapunt|dagorde");

	private static final Pattern YOURS = Pattern.compile("(?i)uw\\s+(kenmerk|referte|ref\\.?)");

	private static final Pattern OURS = Pattern.compile("(?i)(ons|onze)\\s+(kenmerk|referte|ref\\.?)");

	/** Text before a candidate that makes it a cadastral parcel number, not a reference. */
	private static final Pattern PARCEL_CONTEXT = Pattern.compile("(?i)(sectie|\\bsie\\b|sect\\.|kadast|perce[e]?l)[^\\n]{0,40}$");

	/** Text after a candidate that makes it a measure, a time or an amount. */
	private static final Pattern UNIT_AFTER = Pattern.compile("^\\s?(m|m2|m²|m³|cm|mm|ha|a|ca|uur|u|euro|eur|liter|l|%)\\b",
			Pattern.CASE_INSENSITIVE);

	/** Before the candidate on its line, the label that ends right before it: up to 40 characters. */
	private static final int LABEL_REACH = 40;

	List<Extracted<String>> readings(PageView view) {
		Map<String, Extracted<String>> best = new LinkedHashMap<>();
		Correspondence direction = Correspondence.of(view);
		Matcher m = SHAPE.matcher(view.flat);
		while (m.find()) {
			String raw = m.group(1);
			String value = normalise(raw);
			if (value == null || notAReference(view, m.start(1), m.end(1), value)) {
				continue;
			}
			Label label = label(view, m.start(1), m.end(1), direction);
			double confidence = label.confidence() * roleFactor(view.role) * shapeFactor(value)
					* (value.equals(collapse(raw)) ? 1.0 : 0.9);
			if (confidence <= 0) {
				continue;
			}
			Extracted<String> reading = view.candidate(value, confidence, "reference:" + label.name() + "@"
					+ view.role.code(), Math.min(m.start(1), label.start()), m.end(1));
			best.merge(comparable(value), reading, (a, b) -> a.confidence() >= b.confidence() ? a : b);
		}
		return new ArrayList<>(best.values());
	}

	/** Why a number of the right shape is not a dossier reference. */
	private static boolean notAReference(PageView view, int start, int end, String value) {
		if (value.contains("CBS") || view.flat.substring(Math.max(0, start - 4), start).contains("CBS")) {
			return true; // the college's session or decision number
		}
		String before = view.flat.substring(Math.max(0, start - 60), start);
		if (PARCEL_CONTEXT.matcher(before).find()) {
			return true;
		}
		return UNIT_AFTER.matcher(view.flat.substring(end, Math.min(view.flat.length(), end + 8))).find();
	}

	private record Label(String name, double confidence, int start) {
	}

	/** The label of the candidate at [start, end): on its line before it, or the heading above it. */
	private static Label label(PageView view, int start, int end, Correspondence direction) {
		int lineStart = view.flat.lastIndexOf('\n', start - 1) + 1;
		int lineOfText = view.lines().get(view.lineIndex(start)).start();
		int from = Math.max(Math.max(lineStart, lineOfText), start - LABEL_REACH);
		String before = view.flat.substring(from, start).replaceAll("[\\s:.,;()|_-]+$", "");
		// only the last words before the number: "Dossier", "Uw kenmerk", not a sentence that mentions a dossier
		String tail = before.replaceAll("^.*?(?=(\\p{L}[\\p{L}.]*\\s+){0,3}\\p{L}[\\p{L}.]*$)", "");
		if (!tail.isBlank() && before.strip().length() - tail.strip().length() < 25) {
			Label label = classify(tail.strip(), direction, from + before.length() - tail.length());
			if (label != null) {
				return label;
			}
		}
		Label above = labelAbove(view, start, direction);
		if (above != null) {
			return above;
		}
		Columns.Heading heading = Columns.headingOf(view, start, end);
		if (heading != null) {
			Label label = classify(heading.text(), direction, start);
			if (label != null) {
				return label;
			}
			return new Label("column:" + heading.normalised(), 0.05, start);
		}
		return new Label("unlabelled", 0.25, start);
	}

	/** A label on the line above a number that stands alone on its line ({@link PageView#labelAbove}). */
	private static Label labelAbove(PageView view, int start, Correspondence direction) {
		String text = view.labelAbove(start);
		if (text == null) {
			return null;
		}
		PageView.Line above = view.lineAbove(view.lineIndex(start));
		return classify(text, direction, above.start());
	}

	private static Label classify(String text, Correspondence direction, int start) {
		String name = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		if (OTHER.matcher(text).matches() || OTHER.matcher(text).lookingAt() && !MUNICIPAL.matcher(text).find()) {
			return new Label(name, 0.03, start);
		}
		if (YOURS.matcher(text).find()) {
			return new Label(name, direction == Correspondence.TO_THE_COLLEGE ? 0.85
					: direction == Correspondence.FROM_THE_MUNICIPALITY ? 0.03 : 0.4, start);
		}
		if (OURS.matcher(text).find()) {
			return new Label(name, direction == Correspondence.FROM_THE_MUNICIPALITY ? 0.85
					: direction == Correspondence.TO_THE_COLLEGE ? 0.03 : 0.4, start);
		}
		if (endsWith(MUNICIPAL, text)) {
			return new Label(name, 0.85, start);
		}
		if (endsWith(NEUTRAL, text)) {
			return new Label(name, 0.6, start);
		}
		return null;
	}

	private static boolean endsWith(Pattern label, String text) {
		Matcher m = label.matcher(text);
		while (m.find()) {
			if (m.end() == text.length() && (m.start() == 0 || !Character.isLetter(text.charAt(m.start() - 1)))) {
				return true;
			}
		}
		return false;
	}

	/** A plan's title block carries the architect's number; the municipality's own documents carry its own. */
	static double roleFactor(DocumentRole role) {
		return switch (role) {
			case DECISION, COVER -> 1.0;
			case APPLICATION -> 0.95;
			case ADVICE, LETTER -> 0.9;
			case INQUIRY -> 0.8;
			case OTHER -> 0.7;
			case PLAN -> 0.3;
		};
	}

	/** Letters in the number are the municipal habit; a bare "77.050" may as well be an amount or a drawing number. */
	static double shapeFactor(String value) {
		if (value.matches(".*[A-Z].*")) {
			return 1.0;
		}
		if (value.matches("\\d{2,3}\\.\\d{3}")) {
			return 0.5;
		}
		return value.matches(".*(19[4-9]\\d|20[0-4]\\d).*") ? 0.9 : 0.75;
	}

	/**
	 * The reference with single spaces, "O"/"l"/"I" in digit groups read as digits, or null when what is left is not
	 * a reference (a date, no digits in a group).
	 */
	static String normalise(String raw) {
		String value = collapse(raw).replaceAll("(?<=\\d)([./-])\\s(?=\\d)", "$1");
		Matcher parts = Pattern.compile("^((?:[A-Z](?:\\.?[A-Z]){0,5}\\.?)[/-]?\\s?)?(.*)$").matcher(value);
		if (!parts.matches()) {
			return null;
		}
		String prefix = parts.group(1) == null ? "" : parts.group(1);
		String rest = parts.group(2);
		// a prefix of only confusable letters directly before digits ("I987/...") was a digit
		if (!prefix.isEmpty() && prefix.matches("[OlI]+")) {
			rest = prefix + rest;
			prefix = "";
		}
		StringBuilder digits = new StringBuilder();
		Matcher groups = Pattern.compile("[A-Z]{1,3}(?=[./-])|[0-9OlI]+|[./ -]").matcher(rest);
		int at = 0;
		while (groups.find()) {
			if (groups.start() != at) {
				return null;
			}
			String group = groups.group();
			digits.append(group.matches("[0-9OlI]+") ? group.replace('O', '0').replace('l', '1').replace('I', '1') : group);
			at = groups.end();
		}
		if (at != rest.length()) {
			return null;
		}
		String number = digits.toString();
		if (!number.matches("\\d{2,4}([ ./-]?[A-Z]{1,3})?[./-]\\d{1,6}([./-]\\d{1,6})?")) {
			return null;
		}
		if (prefix.isEmpty() && DATE_LIKE.matcher(number).matches() && isDate(number)) {
			return null;
		}
		return prefix + number;
	}

	private static boolean isDate(String number) {
		String[] parts = number.split("[/.-]");
		if (parts.length != 3) {
			return false;
		}
		int day = Integer.parseInt(parts[0]);
		int month = Integer.parseInt(parts[1]);
		return day >= 1 && day <= 31 && month >= 1 && month <= 12;
	}

	static String collapse(String raw) {
		return raw.strip().replaceAll("\\s+", " ");
	}

	private static final org.apache.commons.text.similarity.LevenshteinDistance ONE_EDIT =
			new org.apache.commons.text.similarity.LevenshteinDistance(1);

	/**
	 * Two readings one OCR slip apart ("B 237/77", "B-237/7", "B 2397/77"): within one dossier, far more likely the
	 * same number misread than two numbers.
	 */
	static boolean ocrVariants(Object a, Object b) {
		String x = a.toString();
		String y = b.toString();
		return x.length() >= 5 && y.length() >= 5 && ONE_EDIT.apply(x, y) >= 0;
	}

	/** The reference without spaces and punctuation differences, for comparing readings and the manifest. */
	static String comparable(String reference) {
		return reference == null ? "" : reference.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
	}

}
