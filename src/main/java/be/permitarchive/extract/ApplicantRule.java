package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who applied: after "Aanvrager:", "Naam en voornaam of firma:", "Bouwheer:", or in the recitals "aanvraag ... door
 * X voor het", "aanvraag van X voor het", "verleend aan X voor het". Several applicants are separated by commas and
 * "en". A name with a legal form (BVBA, NV, BV, VZW, ...) is a legal entity; any other is a natural person, whose
 * name is personal data.
 */
final class ApplicantRule {

	private static final Pattern LABEL = Pattern.compile("(?i)\\b(aanvrager(?:s|\\(s\\))?|naam\\s+en\\s+voornaam"
			+ "(?:\\s+of\\s+firma)?|naam\\s+(?:van\\s+de\\s+)?aanvrager|bouwheer|bouwheren)\\s?:");

	private static final Pattern RECITAL = Pattern.compile("\\b(door|aanvraag\\s+van|verleend\\s+aan|geweigerd\\s+aan"
			+ "|(?:verleent|weigert)\\s+de\\s+[\\p{L}]+(?:\\s+vergunning)?(?:\\s+gedeeltelijk)?\\s+aan)\\s+((?:[A-Z][\\p{L}.'-]*|van|de|den|der|op|ten|ter|het|en|,)(?:\\s+(?:[A-Z][\\p{L}.'-]*"
			+ "|van|de|den|der|op|ten|ter|het|en|,)|,){0,16}?),?(?=\\s+voor\\s+(het|de)\\s|\\s+op\\s+\\d|\\.\\s|\\.$|;)");

	private static final Pattern LEGAL_FORM = Pattern.compile("(?i)(^|\\s)(bvba|bv|nv|cvba|cv|vzw|vof|commv|comm\\.v\\.|"
			+ "sprl|sa|ccv|gcv|ocmw|gemeente|kerkfabriek|vennootschap)(\\.|\\s|$)");

	private static final Pattern PERSON = Pattern.compile("[A-Z][\\p{L}'-]+(\\s+((van|de|den|der|op|ten|ter|het|vande"
			+ "|vanden|d')\\s+)*[A-Z][\\p{L}'-]+){1,3}");

	List<Extracted<Applicant>> readings(PageView view) {
		List<Extracted<Applicant>> readings = new ArrayList<>();
		for (Labels.Value value : Labels.after(view, LABEL)) {
			String label = "label:" + value.label().replace(":", "").strip().toLowerCase(java.util.Locale.ROOT);
			add(readings, view, value.text(), 0.9, label, value.labelStart(), value.end());
		}
		Matcher m = RECITAL.matcher(view.flat);
		while (m.find()) {
			add(readings, view, m.group(2), 0.8, "recital:" + m.group(1).replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT), m.start(2), m.end(2));
		}
		return readings;
	}

	private static void add(List<Extracted<Applicant>> readings, PageView view, String text, double rule, String method,
			int start, int end) {
		List<Applicant> applicants = split(text);
		for (Applicant applicant : applicants) {
			readings.add(view.candidate(applicant, rule, method, start, end));
		}
	}

	/** The applicants in a list "A, B en C"; empty when a part is neither a firm nor a person's name. */
	static List<Applicant> split(String text) {
		String list = Labels.collapse(text).replaceAll("[.;,]+$", "");
		List<Applicant> applicants = new ArrayList<>();
		for (String part : list.split(",\\s*|\\s+en\\s+(?=[A-Z])")) {
			String name = part.strip();
			if (LEGAL_FORM.matcher(name).find() && name.matches("[\\p{L}0-9 .&'-]{3,80}")) {
				applicants.add(new Applicant(name, Applicant.Kind.LEGAL_ENTITY));
			}
			else if (PERSON.matcher(name).matches()) {
				applicants.add(new Applicant(name, Applicant.Kind.NATURAL_PERSON));
			}
			else {
				return List.of();
			}
		}
		return applicants;
	}

}
