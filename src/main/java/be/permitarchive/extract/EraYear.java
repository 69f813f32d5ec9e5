package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year a dossier is from, to put two-digit years ("12.03.87") in the right century: the year in the reference
 * ("1987/0456", "SV/1972/113") or else the median of the four-digit years of the dates on its pages.
 */
final class EraYear {

	private static final Pattern YEAR_IN_REFERENCE = Pattern.compile("(?<!\\d)(19[4-9]\\d|20[0-4]\\d)(?!\\d)");

	private EraYear() {
	}

	static int of(List<PageView> views, Extracted<String> reference, int currentYear) {
		if (reference.isPresent()) {
			Matcher m = YEAR_IN_REFERENCE.matcher(reference.value());
			if (m.find() && Integer.parseInt(m.group(1)) <= currentYear) {
				return Integer.parseInt(m.group(1));
			}
		}
		DutchDates fourDigits = new DutchDates(currentYear, currentYear + 1);
		List<Integer> years = new ArrayList<>();
		for (PageView view : views) {
			for (DutchDates.Found found : fourDigits.find(view.flat)) {
				if (!found.twoDigitYear()) {
					years.add(found.date().getYear());
				}
			}
		}
		if (years.isEmpty()) {
			return currentYear - 30;
		}
		Collections.sort(years);
		return years.get(years.size() / 2);
	}

}
