package be.permitarchive.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date of the college decision: a date right after words that introduce a decision ("Zitting van", "Beslissing
 * college:", "collegebesluit van", "Datum beslissing:", "in vergadering van", "besloten op"). Dates after other
 * words (application, advice, laws and decrees) are never taken.
 */
final class DecisionDateRule {

	/** The introducing words must end at most this many characters before the date. */
	private static final int REACH = 28;

	private static final Pattern INTRO = Pattern.compile("(?i)(z[il1]tt?[il1]ng|vergader[il1]ng|be[s5]l[il1]ss[il1]ng"
			+ "|be[s5]lu[il1]t|be[s5]l[il1]st|be[s5]loten|collegebe[s5]lu[il1]t|cbs)\\b([^\\n]*)$");

	/** Words between the introduction and the date that show the date is something else. */
	private static final Pattern OTHER = Pattern.compile("(?i)ingediend|ontvangen|aanvraag|wet\\b|decreet|advies"
			+ "|verzonden|betekend|\\d");

	private final DutchDates dates;

	DecisionDateRule(DutchDates dates) {
		this.dates = dates;
	}

	List<Extracted<LocalDate>> readings(PageView view) {
		List<Extracted<LocalDate>> readings = new ArrayList<>();
		for (DutchDates.Found found : dates.find(view.flat)) {
			String before = view.flat.substring(Math.max(0, found.start() - REACH - 20), found.start());
			Matcher m = INTRO.matcher(before);
			if (!m.find() || m.group(2).length() > REACH || OTHER.matcher(m.group(2)).find()) {
				continue;
			}
			String intro = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[l1]", "i").replace('5', 's');
			double rule = found.twoDigitYear() ? 0.85 : 0.95;
			int start = found.start() - (before.length() - m.start());
			readings.add(view.candidate(found.date(), rule, "label:" + intro, start, found.end()));
		}
		return readings;
	}

}
