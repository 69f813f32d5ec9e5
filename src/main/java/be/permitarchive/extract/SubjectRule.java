package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the application is about ("bouwen van een eengezinswoning"): after "Onderwerp:", "Aard van de werken:",
 * "Voorwerp van de aanvraag:", or in the recital "... voor het &lt;subject&gt; op een perceel / , &lt;address&gt;".
 */
final class SubjectRule {

	private static final Pattern LABEL = Pattern.compile("(?i)\\b(onderwerp|aard\\s+van\\s+de\\s+werken"
			+ "|voorwerp\\s+van\\s+de\\s+aanvraag|omschrijving\\s+van\\s+de\\s+werken|werken)\\s?:");

	private static final Pattern RECITAL = Pattern.compile("\\bvoor\\s+het\\s+([a-z][\\p{L}0-9 -]{5,120}?)(?=\\s+op\\s+"
			+ "(een|het)\\s+perceel|\\s+gelegen\\b|\\s+(heeft|hebben|werd|wordt|is|zijn|te)\\s|,\\s|[.;]\\s|[.;]?$)");

	/** A subject is a verb phrase: "bouwen van ...", "verbouwen en uitbreiden van ...", "exploiteren van ...". */
	private static final Pattern VERB_PHRASE = Pattern.compile("^(het\\s+)?[a-z]{3,}en(\\s+en\\s+[a-z]{3,}en)?\\s+van\\s+.+");

	List<Extracted<String>> readings(PageView view) {
		List<Extracted<String>> readings = new ArrayList<>();
		for (Labels.Value value : Labels.after(view, LABEL)) {
			String subject = clean(value.text());
			if (subject != null) {
				readings.add(view.candidate(subject, 0.9, "label:" + value.label().replace(":", "").strip()
					.toLowerCase(java.util.Locale.ROOT), value.labelStart(), value.end()));
			}
		}
		Matcher m = RECITAL.matcher(view.flat);
		while (m.find()) {
			String subject = clean(m.group(1));
			if (subject != null) {
				readings.add(view.candidate(subject, 0.8, "recital:voor het", m.start(), m.end()));
			}
		}
		return readings;
	}

	/** Whitespace collapsed, leading "het" and trailing punctuation dropped; null when it is not a verb phrase. */
	static String clean(String text) {
		String subject = Labels.collapse(text).replaceAll("[.,;:]+$", "").replaceFirst("^het\\s+", "");
		// OCR noise from the next line or a stamp: short tokens with digits or without letters at the end ("garage 5D")
		subject = subject.replaceAll("(\\s+(?=\\S{0,4}$)\\S*(\\d|[^\\p{L}\\s])\\S*)+$", "").replaceAll("[.,;:]+$", "");
		return VERB_PHRASE.matcher(subject).matches() && subject.length() <= 160 ? subject : null;
	}

}
