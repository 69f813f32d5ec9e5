package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values printed under a row of column headings, as letters and forms print them: "Uw kenmerk | Ons kenmerk | Uw
 * brief van" with the three values on the line below. A value's label is then not before it but above it. With word
 * boxes (OCR) a value belongs to the heading it stands under; without (a text layer) to the heading in the same
 * position when the row has as many values as headings.
 */
final class Columns {

	/**
	 * Headings of such rows, longest first, as administrative letters and forms use them. A heading row is a line made
	 * (almost) only of these.
	 */
	static final List<String> HEADINGS = List.of("gemeentelijk dossiernummer", "omgevingsloketnummer", "besluitnummer",
			"dossiernummer", "nr. bouwaanvraag", "nr bouwaanvraag", "bouwaanvraag nr.", "bouwaanvraag", "aanvraag nr.",
			"aanvraag nr", "kenmerk aanvrager", "kenmerk gew. dienst", "gew. dienst", "prov. dossier", "prov. ref.",
			"ref. stedebouw", "uw kenmerk", "ons kenmerk", "uw referte", "onze referte", "uw brief van", "uw brief",
			"datum zitting", "datum beslissing", "datum besluit", "datum", "zitting", "referte", "referentie",
			"kenmerk", "dossier", "ref.", "nummer", "betreft");

	private static final Pattern HEADING;

	static {
		StringBuilder alternatives = new StringBuilder();
		for (String heading : HEADINGS) {
			alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(heading).replace(" ", "\\E\\s+\\Q"));
		}
		HEADING = Pattern.compile("(?i)(?<![\\p{L}])(?:" + alternatives + ")(?![\\p{L}])");
	}

	/** A heading row must be made of headings for at least this share of its letters. */
	static final double HEADING_SHARE = 0.75;

	/** Something that can stand in a cell: a date, a number, an identifier ("B 90/63", "8.00/12094/6978.3"). */
	private static final Pattern CELL = Pattern.compile("\\d{1,2}\\.?\\s+\\p{L}{3,10}\\.?\\s+'?\\d{2,4}"
			+ "|(?<![\\w/.])(?:[A-Z]{1,5}\\s)?[\\p{L}\\d][\\p{L}\\d_./'-]*\\d[\\p{L}\\d_./-]*");

	private Columns() {
	}

	/** One heading of a row and where it stands. */
	record Heading(String text, int start, int end) {

		String normalised() {
			return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		}

	}

	/** The headings of {@code line} when it is a heading row (two or more headings and little else), else empty. */
	static List<Heading> headingRow(PageView.Line line) {
		List<Heading> headings = new ArrayList<>();
		Matcher m = HEADING.matcher(line.text());
		int covered = 0;
		while (m.find()) {
			headings.add(new Heading(m.group(), line.start() + m.start(), line.start() + m.end()));
			covered += m.group().replaceAll("[^\\p{L}]", "").length();
		}
		int letters = line.text().replaceAll("[^\\p{L}]", "").length();
		if (headings.size() < 2 || covered < HEADING_SHARE * letters) {
			return List.of();
		}
		return headings;
	}

	/** The heading the value at [start, end) stands under, or null when it does not stand in such a row. */
	static Heading headingOf(PageView view, int start, int end) {
		int index = view.lineIndex(start);
		PageView.Line above = view.lineAbove(index);
		if (above == null) {
			return null;
		}
		List<Heading> headings = headingRow(above);
		if (headings.isEmpty()) {
			return null;
		}
		int[] value = view.xRange(start, end);
		if (value != null) {
			Heading best = null;
			int bestDistance = Integer.MAX_VALUE;
			for (Heading heading : headings) {
				int[] x = view.xRange(heading.start(), heading.end());
				if (x == null) {
					best = null;
					break;
				}
				// a value is printed from its column's left edge: the heading whose left edge is nearest on its left
				int distance = Math.abs(value[0] - x[0]);
				if (value[0] + 10 >= x[0] && distance < bestDistance) {
					best = heading;
					bestDistance = distance;
				}
			}
			if (best != null) {
				return best;
			}
		}
		PageView.Line line = view.lines().get(index);
		List<int[]> cells = cells(line);
		if (cells.size() != headings.size()) {
			return null;
		}
		for (int i = 0; i < cells.size(); i++) {
			if (cells.get(i)[0] <= start && start < cells.get(i)[1]) {
				return headings.get(i);
			}
		}
		return null;
	}

	/** The cells of a value row: each date, number or identifier, as [start, end) in the page text. */
	static List<int[]> cells(PageView.Line line) {
		List<int[]> cells = new ArrayList<>();
		Matcher m = CELL.matcher(line.text());
		while (m.find()) {
			cells.add(new int[] { line.start() + m.start(), line.start() + m.end() });
		}
		return cells;
	}

}
