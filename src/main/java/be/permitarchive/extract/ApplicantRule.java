package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.permitarchive.georef.Divisions;

/**
 * Who applied: on a form line after "Aanvrager(s)", "Naam en voornaam (of firma)", "Bouwheer" (with or without a
 * colon: forms print the label and the value side by side), or in the recitals: "de aanvraag (d.d. ...) van de heer
 * X, wonende te ...", "Betreft: aanvraag van X - ...", "Het college verleent de vergunning (onder voorwaarden) aan de
 * echtgenoten X en Y voor ...", "ingediend ... door mevrouw X, woonachtig te ...". Titles are dropped ("de heer",
 * "mevrouw", "Mevr.", "de echtgenoten") and what follows the name is not part of it ("wonende te", "weduwe van",
 * "vertegenwoordigd door"). Several applicants are separated by commas and "en". A name with a legal form (BVBA, NV,
 * BV, VZW, ...; also written after a comma: "Immobiliën Nethedal, nv") is a legal entity; any other is a natural
 * person, whose name is personal data, written "First Last" whichever way the form wrote it ("MEEUS Willy").
 */
final class ApplicantRule {

	private static final String TITLES = "(?:(?:de\\s+)?heer|mevrouw|mevr\\.?|mw\\.?|dhr\\.?|mr\\.?|juffrouw|mej\\.?"
			+ "|(?:de\\s+)?echtgenoten|(?:de\\s+)?gebroeders|de\\s+heren|de\\s+dames|wijlen)";

	/** A form line: the label, then the value on the same line. */
	private static final Pattern FORM_LINE = Pattern.compile("(?i)^\\s*(?:\\d\\.\\s*)?(aanvrager(?:s|\\(s\\))?|naam\\s+en\\s+voornaam"
			+ "(?:\\s+of\\s+firma)?|naam\\s+(?:van\\s+de\\s+)?aanvrager(?:s|\\(s\\))?|bouwheer|bouwheren)\\s*:?\\s*(.*)$");

	private static final Pattern RECITAL = Pattern.compile("(?i)(\\baanvraag(?:\\s+d\\.\\s?d\\.\\s+[^,;]{4,25}?)?\\s+van"
			+ "|\\bingediend\\b[^.;]{0,60}?\\s+door|\\b(?:verleent|weigert|wordt)\\b[^.;]{0,70}?\\s+aan"
			+ "|\\b(?:verleend|geweigerd|afgegeven)\\s+aan)\\s+((?:" + TITLES + "\\s+)?\\p{Lu}[^.;:]{2,120})");

	/** What ends a name in running text: the residence, a relation, the subject. */
	private static final Pattern NAME_END = Pattern.compile("(?i),?\\s+(wonende|woonachtig|gevestigd|met\\s+zetel|weduwe|weduwnaar"
			+ "|echtgeno(o)?te?|vertegenwoordigd|voor\\s+(het|de|een)|strekkende|onderzocht|tot\\s+het|om\\s+|te\\s+\\d"
			+ "|op\\s+een|op\\s+het|gelegen|betreffende|met\\s+betrekking)\\b|\\s+op\\s+\\d|\\s+-\\s+|\\s*\\(");

	private static final Pattern LEGAL_FORM = Pattern.compile("(?i)(^|\\s|,)(bvba|bv|nv|cvba|cv|vzw|vof|commv|comm\\.v\\.|"
			+ "sprl|sa|ccv|gcv|ocmw|gemeente|kerkfabriek|vennootschap)(\\.|\\s|$)");

	private static final Pattern PERSON = Pattern.compile("[\\p{Lu}][\\p{L}'-]+(\\s+((van|de|den|der|op|ten|ter|het|vande"
			+ "|vanden|d')\\s+)*[\\p{Lu}][\\p{L}'-]+){1,3}");

	/** A form's "SURNAME firstname": the capitals make it a name even when OCR lost the first name's capital. */
	private static final Pattern FORM_PERSON = Pattern.compile("(\\p{Lu}{2,}[\\p{Lu}'-]*\\s+){1,3}\\p{L}[\\p{Ll}'-]+");

	/**
	 * A surname with its particle and nothing else ("Van Ransbeeck", "De Smet", "Vanden Bossche"): no first name is
	 * a particle, so such a name is a surname only, as file cards write it.
	 */
	private static final Pattern SURNAME_ONLY = Pattern.compile("(?i)(van|vande|vanden|vander|van\\s+de|van\\s+den"
			+ "|van\\s+der|de|den|der|d'|le|la|du|des|ver|op\\s+de|ten|ter|t')\\s*\\p{Lu}[\\p{L}'-]+");

	/** Someone named for another role: the architect, the official handling the file. */
	private static final Pattern NOT_APPLICANT_BEFORE = Pattern.compile("(?i)(arch(itect)?\\.?|ontwerper|ir\\.?-?|opgemaakt)\\s*$");

	List<Extracted<Applicant>> readings(PageView view) {
		List<Extracted<Applicant>> readings = new ArrayList<>();
		for (PageView.Line line : view.lines()) {
			Matcher m = FORM_LINE.matcher(line.text());
			if (m.matches() && !m.group(2).isBlank()) {
				String label = "label:" + m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
				int start = line.start() + m.start(2);
				add(readings, view, m.group(2), view.role == DocumentRole.PLAN ? 0.75 : 0.9, label, line.start(),
						line.end(), start);
			}
		}
		Matcher m = RECITAL.matcher(view.flat);
		while (m.find()) {
			String before = view.flat.substring(Math.max(0, m.start(2) - 20), m.start(2));
			if (NOT_APPLICANT_BEFORE.matcher(before).find()) {
				continue;
			}
			String method = "recital:" + m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
				.replaceAll("^(\\p{L}+).*?(\\p{L}+)$", "$1 $2");
			add(readings, view, m.group(2), 0.8, method, m.start(), m.end(), m.start(2));
		}
		return readings;
	}

	private static void add(List<Extracted<Applicant>> readings, PageView view, String text, double rule, String method,
			int start, int end, int nameStart) {
		Matcher stop = NAME_END.matcher(text);
		String names = stop.find() ? text.substring(0, stop.start()) : text;
		for (Applicant applicant : split(names)) {
			readings.add(view.candidate(applicant, rule, method, start, Math.min(end, nameStart + names.length())));
		}
	}

	/** The applicants in a list "A, B en C"; empty when a part is neither a firm nor a person's name. */
	static List<Applicant> split(String text) {
		String list = Labels.collapse(text).replaceAll("[.;,:]+$", "").strip();
		// a legal form after a comma belongs to the name before it: "Immobiliën Nethedal, nv"
		list = list.replaceAll("(?i),\\s*(bvba|bv|nv|cvba|cv|vzw|vof|commv|sprl|sa)(?=$|[\\s,.])", " ,$1");
		List<Applicant> applicants = new ArrayList<>();
		for (String part : list.split("(?<! ),\\s*|\\s+en\\s+(?=\\p{Lu}|" + TITLES + ")")) {
			String name = part.replace(" ,", ", ").strip().replaceFirst("(?i)^" + TITLES + "\\s+", "").strip();
			if (name.isEmpty()) {
				continue;
			}
			if (LEGAL_FORM.matcher(name).find() && name.matches("[\\p{L}0-9 .,&'-]{3,80}")) {
				applicants.add(new Applicant(name, Applicant.Kind.LEGAL_ENTITY));
			}
			else if (SURNAME_ONLY.matcher(name).matches()) {
				continue; // "Van Ransbeeck" on a file card: a surname, not who applied
			}
			else if (PERSON.matcher(name).matches() || FORM_PERSON.matcher(name).matches()) {
				applicants.add(new Applicant(firstLast(name), Applicant.Kind.NATURAL_PERSON));
			}
			else {
				return List.of();
			}
		}
		return applicants;
	}

	/**
	 * A person's name as "First Last": forms write the surname in capitals, before or after the first name ("MEEUS
	 * Willy", "Albert MEEUS"); the capitals are the surname. A name without capitals is kept as written.
	 */
	static String firstLast(String name) {
		String[] words = name.split("\\s+");
		List<String> surname = new ArrayList<>();
		List<String> first = new ArrayList<>();
		for (String word : words) {
			boolean capitals = word.length() >= 2 && word.equals(word.toUpperCase(Locale.ROOT))
					&& word.chars().anyMatch(Character::isLetter);
			(capitals ? surname : first).add(word);
		}
		if (surname.isEmpty() || first.isEmpty()) {
			return name;
		}
		List<String> out = new ArrayList<>();
		first.forEach(w -> out.add(Character.toUpperCase(w.charAt(0)) + w.substring(1)));
		surname.forEach(w -> out.add(Divisions.titleCase(w)));
		return String.join(" ", out);
	}

}
