package be.permitarchive.extract;

import java.util.regex.Pattern;

/**
 * Who writes a page, as far as references go: "Uw kenmerk" in a letter to the college is the municipality's number,
 * in the municipality's own letter it is the addressee's. Read from the address block ("Aan het College van
 * Burgemeester en Schepenen") and the letterhead ("GEMEENTE ...", "Gemeentebestuur", "Stad ...") at the top of the page.
 */
enum Correspondence {

	/** Written to the college (an advice, an applicant's letter): "Uw kenmerk" is the municipality's. */
	TO_THE_COLLEGE,
	/** Written by the municipality (its letters and decisions): "Ons kenmerk" is the municipality's. */
	FROM_THE_MUNICIPALITY,
	/** Cannot tell. */
	UNKNOWN;

	private static final Pattern TO_COLLEGE = Pattern.compile("(?i)\\baan\\s+(het\\s+)?(college|schepencollege)\\b");

	private static final Pattern LETTERHEAD = Pattern.compile("(?i)^\\s*(gemeente(bestuur)?|stad(sbestuur)?|college van"
			+ " burgemeester)\\b");

	/** Lines at the top of a page where a letterhead stands. */
	private static final int HEAD_LINES = 6;

	static Correspondence of(PageView view) {
		if (TO_COLLEGE.matcher(view.flat).find()) {
			return TO_THE_COLLEGE;
		}
		int seen = 0;
		for (PageView.Line line : view.lines()) {
			if (line.isBlank()) {
				continue;
			}
			if (LETTERHEAD.matcher(line.text()).find()) {
				return FROM_THE_MUNICIPALITY;
			}
			if (++seen >= HEAD_LINES) {
				break;
			}
		}
		return UNKNOWN;
	}

}
