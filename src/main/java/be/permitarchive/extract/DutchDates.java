package be.permitarchive.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Dates as Dutch documents write them: "12 maart 1987", "12/03/1987", "12.03.87", "12-3-1987", "12 MAART '87".
 * Tolerates what OCR does to them: a month name with one wrong letter, "O" for "0", "l" for "1", a space after a
 * separator. Two-digit years are put in the century closest to the dossier's era.
 */
final class DutchDates {

	/** A date found at [start, end) of a text. */
	record Found(LocalDate date, int start, int end, boolean twoDigitYear) {
	}

	static final List<String> MONTHS = List.of("januari", "februari", "maart", "april", "mei", "juni", "juli",
			"augustus", "september", "oktober", "november", "december");

	private static final String D = "[0-9OolI]";

	private static final Pattern LONG = Pattern.compile("(?<![\\w/.-])(" + D + "{1,2})\\.?\\s+([a-zA-Z]{3,10}\\.?)\\s+('?\\s?"
			+ D + "{2}|" + D + "{4})(?![\\w/])");

	private static final Pattern NUMERIC = Pattern.compile("(?<![\\w/.-])(" + D + "{1,2})\\s?([./-])\\s?(" + D
			+ "{1,2})\\s?([./-])\\s?'?(" + D + "{4}|" + D + "{2})(?![\\w/]|[.,-]\\d)");

	private static final Pattern COMMAS = Pattern.compile("(?<![\\w/.,-])(" + D + "{1,2}),(" + D + "{1,2}),(" + D
			+ "{4})(?![\\w/]|[.,-]\\d)");

	private static final LevenshteinDistance ONE_TYPO = new LevenshteinDistance(1);

	private final int eraYear;

	private final int latestYear;

	/**
	 * @param eraYear the year two-digit years are resolved around (the dossier's era, or this year)
	 * @param latestYear no date after this year is accepted
	 */
	DutchDates(int eraYear, int latestYear) {
		this.eraYear = eraYear;
		this.latestYear = latestYear;
	}

	List<Found> find(String text) {
		List<Found> found = new ArrayList<>();
		Matcher m = LONG.matcher(text);
		while (m.find()) {
			int month = month(m.group(2));
			if (month > 0) {
				add(found, digits(m.group(1)), month, m.group(3).replaceAll("['\\s]", ""), m.start(), m.end());
			}
		}
		m = NUMERIC.matcher(text);
		while (m.find()) {
			if (m.group(2).equals(m.group(4)) || m.group(5).length() == 4) {
				add(found, digits(m.group(1)), digits(m.group(3)), m.group(5), m.start(), m.end());
			}
		}
		// OCR reads the dots of "25.5.1965" as commas: both separators commas and a four-digit year is a date
		m = COMMAS.matcher(text);
		while (m.find()) {
			add(found, digits(m.group(1)), digits(m.group(2)), m.group(3), m.start(), m.end());
		}
		found.addAll(DatesInWords.find(text, latestYear));
		found.sort(java.util.Comparator.comparingInt(Found::start));
		return found;
	}

	private void add(List<Found> found, int day, int month, String yearText, int start, int end) {
		int year = digits(yearText);
		boolean twoDigits = yearText.length() == 2;
		if (day < 1 || month < 1 || year < 0) {
			return;
		}
		if (twoDigits) {
			year = resolveTwoDigitYear(year, eraYear);
		}
		if (year < 1900 || year > latestYear) {
			return;
		}
		try {
			found.add(new Found(LocalDate.of(year, month, day), start, end, twoDigits));
		}
		catch (DateTimeException ex) {
			// 31/02 and the like: not a date
		}
	}

	/** The year ending in {@code yy} closest to {@code era}: 87 -> 1987 and 05 -> 2005 around 1995. */
	static int resolveTwoDigitYear(int yy, int era) {
		int candidate = era - Math.floorMod(era, 100) + yy;
		int best = candidate;
		for (int c : new int[] { candidate - 100, candidate + 100 }) {
			if (Math.abs(c - era) < Math.abs(best - era)) {
				best = c;
			}
		}
		return best;
	}

	/** 1-12 for a Dutch month name (full, or with one OCR error, or abbreviated "jan."), else 0. */
	static int month(String word) {
		String w = word.toLowerCase(Locale.ROOT).replace(".", "").replace("rn", "m");
		for (int i = 0; i < MONTHS.size(); i++) {
			String name = MONTHS.get(i);
			if (w.equals(name) || (w.length() >= 3 && w.length() < name.length() && name.startsWith(w)
					&& word.endsWith(".")) || (name.length() >= 5 && ONE_TYPO.apply(w, name) >= 0)) {
				return i + 1;
			}
		}
		return 0;
	}

	/** Digits with the letters OCR mistakes for them read as digits; -1 when not a number. */
	static int digits(String text) {
		String d = text.replace('O', '0').replace('o', '0').replace('l', '1').replace('I', '1');
		return d.matches("\\d+") ? Integer.parseInt(d) : -1;
	}

}
