package be.permitarchive.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date of the college session that decided. Every date of every page is a candidate, weighed by what stands
 * before it and by the page it stands on:
 * <ul>
 * <li>words that name the session or the decision: "in zitting van", "Zitting van", "vergadering van", "beslist op",
 * "collegebesluit van", "besluit van", a "Datum zitting" column heading, the cover's "Schepencollege"; on the decision
 * itself also the line it is signed on ("Gedaan te ..., op ...", "Aldus beslist ...");</li>
 * <li>words that name another date: filed, received, advised, sent, a law or decree, a public inquiry, a certified
 * copy ("Voor eensluidend uittreksel, ..."): such a date is not the decision's, whatever else stands near it;</li>
 * <li>the page's {@link DocumentRole}: the decision counts most, then the cover and the notification letter; the
 * application and an advice never give the decision's date.</li>
 * </ul>
 * The readings of all pages are then combined ({@link Votes}): the date the decision, the cover and the letter agree
 * on wins.
 */
final class DecisionDateRule {

	/** The words before a date are looked for within this many characters. */
	private static final int REACH = 60;

	/** Words right before a date that name the session or the decision. */
	private static final Pattern SESSION = Pattern.compile("(?i)(z[il1]tt?[il1]ng|vergader[il1]ng|be[s5]l[il1]st|be[s5]loten"
			+ "|collegebe[s5]lu[il1]t|be[s5]lu[il1]t|be[s5]l[il1]ss[il1]ng|(schepen)?college|cbs)\\b(?<gap>[^\\n]{0," + REACH
			+ "})$");

	/**
	 * The line a decision is signed on ("Gedaan te X, op ..."): municipal decisions are signed in the session that
	 * takes them, so its date is the session's ("Zitting van heden", "datum als boven" say as much).
	 */
	private static final Pattern SIGNED = Pattern.compile("(?i)(gedaan(\\s?te)?|aldus\\s+(beslist|gedaan|besloten))\\b(?<gap>[^\\n]{0,"
			+ REACH + "})$");

	/** Words between the introduction and the date that make the date another one. */
	private static final Pattern OTHER_IN_GAP = Pattern.compile("(?i)ingediend|ingekomen|ontvangen|ontvangst|aanvraag"
			+ "|\\bwet\\b|decreet|besluit van de vlaamse|koninklijk|k\\.\\s?b\\.|advies|verzonden|betekend|brief|onderzoek"
			+ "|uittreksel|afschrift|aangeplakt|\\btot\\b|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\b(19|20)\\d{2}\\b");

	/** Words close before a date that make it another date, wherever the date stands. */
	private static final Pattern OTHER_BEFORE = Pattern.compile("(?i)(ingediend|ingekomen|ontvangen|ontvangstbewijs|aanvraag"
			+ "|aanvragen|\\bwet\\b|decreet|koninklijk\\s+besluit|k\\.\\s?b\\.|regering|advies|geadviseerd|verzonden|verstuurd"
			+ "|betekend|brief\\s+van|eensluidend|uittreksel|afschrift|aangeplakt|aanplakking|onderzoek|tot\\s+en\\s+met|geboren"
			+ "|beroep|gewestplan|ingekomen|datum\\s*:|uw\\s+brief)[^\\n]{0,40}$");

	private final DutchDates dates;

	DecisionDateRule(DutchDates dates) {
		this.dates = dates;
	}

	List<Extracted<LocalDate>> readings(PageView view) {
		double role = roleFactor(view.role);
		List<Extracted<LocalDate>> readings = new ArrayList<>();
		if (role == 0) {
			return readings;
		}
		for (DutchDates.Found found : this.dates.find(view.flat)) {
			String before = view.flat.substring(Math.max(0, found.start() - REACH - 30), found.start());
			if (otherDate(before)) {
				continue;
			}
			Intro intro = intro(view, found, before);
			if (intro == null) {
				continue;
			}
			double rule = intro.confidence() * role * (found.twoDigitYear() ? 0.9 : 1.0);
			int start = found.start() - (before.length() - intro.start());
			readings.add(view.candidate(found.date(), rule, "date:" + intro.name() + "@" + view.role.code(),
					Math.max(0, Math.min(start, found.start())), found.end()));
		}
		return readings;
	}

	private record Intro(String name, double confidence, int start) {
	}

	/** What introduces the date, or null when nothing says it is the decision's. */
	private static Intro intro(PageView view, DutchDates.Found found, String before) {
		Matcher session = SESSION.matcher(before);
		if (session.find() && !OTHER_IN_GAP.matcher(session.group("gap")).find()) {
			String word = session.group(1).toLowerCase(Locale.ROOT).replaceAll("[l1]", "i").replace('5', 's');
			return new Intro(word, 0.9, session.start());
		}
		String above = view.labelAbove(found.start());
		if (above != null) {
			Matcher label = SESSION.matcher(above);
			if (label.find() && label.group("gap").isBlank()) {
				return new Intro(label.group(1).toLowerCase(Locale.ROOT), 0.85, found.start());
			}
		}
		Columns.Heading heading = Columns.headingOf(view, found.start(), found.end());
		if (heading != null && heading.normalised().matches(".*(zitting|beslissing|besluit).*")) {
			return new Intro("column:" + heading.normalised(), 0.9, found.start());
		}
		if (view.role == DocumentRole.DECISION) {
			Matcher signed = SIGNED.matcher(before);
			if (signed.find() && !OTHER_IN_GAP.matcher(signed.group("gap")).find()) {
				return new Intro("signed", 0.7, signed.start());
			}
		}
		return null;
	}

	/**
	 * Whether the words before a date make it another date: a word for another date closer to it than any word for
	 * the session ("Ingediend op: 14/04/1991 Beslissing college: 18/06/1991" is a decision date).
	 */
	private static boolean otherDate(String before) {
		String tail = shortTail(before);
		Matcher other = OTHER_BEFORE.matcher(tail);
		if (!other.find()) {
			return false;
		}
		int otherAt = other.start() + (before.length() - tail.length());
		Matcher session = SESSION_WORD.matcher(before);
		int sessionAt = -1;
		while (session.find()) {
			sessionAt = session.start();
		}
		return sessionAt < otherAt;
	}

	private static final Pattern SESSION_WORD = Pattern.compile("(?i)z[il1]tt?[il1]ng|vergader[il1]ng|be[s5]l[il1]st"
			+ "|be[s5]loten|be[s5]lu[il1]t|be[s5]l[il1]ss[il1]ng|college");

	/** The last words before a date, within its sentence. */
	private static String shortTail(String before) {
		int cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf(". "));
		return cut >= 0 ? before.substring(cut + 1) : before;
	}

	/** The decision says it best; the application and an advice never give the decision's date. */
	static double roleFactor(DocumentRole role) {
		return switch (role) {
			case DECISION -> 1.0;
			case COVER -> 0.9;
			case LETTER -> 0.85;
			case PLAN -> 0.6;
			case OTHER -> 0.6;
			case INQUIRY -> 0.2;
			case ADVICE, APPLICATION -> 0;
		};
	}

}
