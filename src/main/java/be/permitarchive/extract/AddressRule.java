package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.permitarchive.georef.StreetNames;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Where the works are, as the documents write it: after a label of the site ("Ligging", "Ligging van het goed",
 * "Adres van het goed", "Projectadres", "Bouwadres", "gelegen te"), on the label's line or, where OCR split a form's
 * columns, on the next one; and in a letter's subject line ("Betreft: ... - Stw. op Oudegem 23, 2894 Oosterlinde").
 * The forms: "street number[, postcode municipality]", "municipality, street number", "street number te
 * municipality", "street n° 23", number ranges and lists ("138-140", "8 en 10"), a box ("bus 0.2"), a street without
 * number ("z.n.", "z.nr.", "(zonder nummer)") and, in a title block, "street, municipality". Not the site, and so
 * not read: the applicant's residence ("Adres", "Woonplaats", "wonende te", "met adres"), the architect's, an
 * unlabelled address block, the municipality's own office in a letterhead.
 */
final class AddressRule {

	/** A site address as written, its numbers not yet checked against anything. */
	record Site(String street, List<String> numbers, boolean range, String box, String postcode, String municipality,
			String written, int start, int end, double rule, String method) {

		Site {
			numbers = List.copyOf(numbers);
		}

		boolean withoutNumber() {
			return numbers.isEmpty();
		}

	}

	/** "van", "het" as OCR may read them ("vn", "h et"). */
	private static final String VAN = "v ?a? ?n";

	private static final String HET = "h ?e? ?t";

	private static final Pattern SITE_LABEL = Pattern.compile("(?i)(?<![\\p{L}])(?:"
			+ "(?<!kadastrale\\s)" + spaced("ligging") + "(?:\\s+" + VAN + "\\s+(?:" + HET + "\\s+" + spaced("goed")
			+ "|de\\s+werken|" + HET + "\\s+perceel|de\\s+bouwplaats))?(?!\\s+en\\s+kadastr)"
			+ "|(?:" + spaced("adres") + "|plaats)\\s+(?:" + VAN + "\\s+" + HET + "\\s+" + spaced("goed") + "|" + VAN
			+ "\\s+" + HET + "\\s+perceel|" + VAN + "\\s+de\\s+werken|der\\s+werken"
			+ "|" + VAN + "\\s+de\\s+bouwplaats|" + VAN + "\\s+" + HET + "\\s+eigendom)"
			+ "|(?:bouw|project|werf|liggings?|perceels?)adres|bouwplaats|locatie|situering(?:\\s+van\\s+het\\s+goed)?"
			+ "|gelegen\\s+(?:te|in|aan))(?![\\p{L}])\\s*:?");

	private static final Pattern SUBJECT_LABEL = Pattern.compile("(?i)(?<![\\p{L}])(?:betreft|onderwerp|inzake)\\s*:");

	private static final Pattern ARTICLE = Pattern.compile("(?:de|het)\\s+(?=\\p{Lu})");

	/** The segments of a subject line: "uw aanvraag tot bouwvergunning - Bosstr. 20, 2894 Oosterlinde". */
	private static final Pattern SEGMENT_DASH = Pattern.compile("\\s[-\u2013\u2014]\\s");

	private static final String STREET = "(?<street>\\p{Lu}[\\p{L}'.\\- ]{1,60}?)";

	/**
	 * "12", "12A", "12a", "12 A", "l38" (OCR's l for 1); not "0" (no house is numbered so: a letter O misread), "12 b. 3"
	 * (a box) nor the "e" of "8 en 10".
	 */
	private static final String NUMBER = "(?:[lI](?=\\d)|[1-9])\\d{0,3}(?:[A-Za-z](?![\\p{L}\\d])|\\s[A-Z](?![\\p{L}\\d]))?(?!\\d)";

	private static final Pattern NUMBERED = Pattern.compile("^" + STREET + "\\s*,?\\s*(?:n\\s?[°ºoè]\\.?|nr\\.?)?\\s*"
			+ "(?<first>" + NUMBER + ")");

	private static final Pattern NEXT_NUMBER = Pattern.compile("^\\s*(?<sep>-|en|&|,)\\s*(?<number>" + NUMBER + ")");

	private static final Pattern BOX = Pattern.compile("^\\s*,?\\s*(?:bus|bte\\.?|b\\.)\\s*(?<box>[0-9A-Za-z]{1,4}"
			+ "(?:\\.[0-9A-Za-z]{1,3})?)(?![\\p{L}\\d])");

	private static final Pattern WITHOUT_NUMBER = Pattern.compile("^" + STREET + "(?:\\s+|\\s*[,.]\\s*|\\s*(?=\\())"
			+ "\\(?(?i:z\\.?\\s?n(?:r)?\\.?|zonder\\s+(?:huis)?nummer|z/n)\\)?(?![\\p{L}])");

	private static final String MUNICIPALITY = "(?<municipality>\\p{Lu}[\\p{L}'’]+(?:-\\p{L}[\\p{L}'’]*)*)";

	private static final Pattern TAIL = Pattern.compile("^\\s*[,.]?\\s*(?:(?<postcode>[1-9]\\d{3})\\s+)?" + MUNICIPALITY
			+ "|^\\s+te\\s+" + MUNICIPALITY.replace("municipality", "te"));

	private static final Pattern STREET_ONLY = Pattern.compile("^" + STREET + "\\s*[,.]\\s*(?:(?<postcode>[1-9]\\d{3})\\s+)?"
			+ MUNICIPALITY + "[\\s.,;]*$");

	private static final Pattern MUNICIPALITY_FIRST = Pattern.compile("^(?<place>\\p{Lu}[\\p{L}'’]+(?:-\\p{L}[\\p{L}'’]*)*)"
			+ "\\s*[,.]\\s*(?<rest>\\p{Lu}.*)$");

	/** A street's name has a word of four letters or more ("Dorp", "Kerkstraat"), not only "van het de op". */
	private static final Pattern NAME_WORD = Pattern.compile("\\p{L}{4,}");

	/** A name ending like this is a street (for a street named without number and without the register). */
	private static final Pattern STREET_WORD = Pattern.compile("(?i)(?:straat|laan|weg|steenweg|plein|dreef|baan|lei"
			+ "|dijk|kaai|kade|markt|hof|veld|pad|wegel|singel|vest|ring|berg|dal|hoek|kouter|akker|meers|park)$");

	/** A range wider than this is more likely two readings run together than one block of houses. */
	private static final int MAX_RANGE = 20;

	/** Lines a site label's value may continue on ("..., z.nr.,\n2894 Oosterlinde"). */
	private static final int CONTINUATION_LINES = 1;

	/** A name this close (Jaro-Winkler) to a known place is that place misread ("Oostertinde"). */
	private static final double PLACE_SIMILARITY = 0.92;

	private static final double LABEL_RULE = 0.9;

	private static final double SUBJECT_RULE = 0.85;

	private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

	private final List<String> knownPlaces;

	/** @param knownPlaces municipality and former municipality names: a municipality written first is one of them */
	AddressRule(List<String> knownPlaces) {
		this.knownPlaces = List.copyOf(knownPlaces);
	}

	/** A word as OCR may split it: "Lig ging", "Ad res". */
	private static String spaced(String word) {
		return String.join(" ?", word.split(""));
	}

	/** The site addresses written on the page, as written. */
	List<Site> sites(PageView view) {
		List<Site> sites = new ArrayList<>();
		Matcher label = SITE_LABEL.matcher(view.flat);
		while (label.find()) {
			Value value = value(view, label.end());
			if (value == null || SITE_LABEL.matcher(value.text()).lookingAt() || SUBJECT_LABEL.matcher(value.text()).lookingAt()) {
				continue; // a heading followed by the label that holds the value ("LIGGING VAN HET GOED / Adres ...")
			}
			String method = "label:" + labelName(label.group());
			Site site = parse(value.text(), value.start(), true, LABEL_RULE, method);
			if (site != null) {
				sites.add(site);
			}
		}
		Matcher subject = SUBJECT_LABEL.matcher(view.flat);
		while (subject.find()) {
			Value value = value(view, subject.end());
			if (value == null) {
				continue;
			}
			Matcher dash = SEGMENT_DASH.matcher(value.text());
			int from = 0;
			List<int[]> segments = new ArrayList<>();
			while (dash.find()) {
				segments.add(new int[] { from, dash.start() });
				from = dash.end();
			}
			segments.add(new int[] { from, value.text().length() });
			for (int[] segment : segments) {
				String text = value.text().substring(segment[0], segment[1]);
				Site site = parse(text, value.start() + segment[0], false, SUBJECT_RULE, "subject:"
						+ subject.group().toLowerCase(Locale.ROOT).replaceAll("[\\s:]+", ""));
				if (site != null && (site.postcode() != null || !site.withoutNumber() || looksLikeStreet(site.street()))) {
					sites.add(site);
				}
			}
		}
		return sites;
	}

	/**
	 * The label's name for the provenance, whatever OCR made of its spacing: "Lig ging van he t goed" and "LIGGING VAN
	 * HET GOED" are both "ligging van het goed", "Adres vn het goed" is "adres van het goed".
	 */
	static String labelName(String label) {
		String words = label.toLowerCase(Locale.ROOT).replaceAll("[\\s:]+", " ").strip();
		String letters = words.replaceAll("[^\\p{L}]", "");
		for (String name : List.of("ligging van het goed", "adres van het goed", "ligging van de werken",
				"adres van het perceel", "ligging")) {
			if (letters.equals(name.replace(" ", "")) || letters.equals(name.replace(" ", "").replace("van", "vn"))) {
				return name;
			}
		}
		return words;
	}

	/** The text a label's value is: the rest of its line, or the next line when the label stands alone. */
	private record Value(String text, int start) {
	}

	private static Value value(PageView view, int from) {
		String text = view.page.text();
		int lineEnd = lineEnd(text, from);
		int start = skipNoise(text, from, lineEnd);
		Matcher article = ARTICLE.matcher(text).region(start, lineEnd);
		if (article.lookingAt()) {
			start = article.end(); // "gelegen aan de Kerkstraat 5"
		}
		if (start >= lineEnd) {
			// the label alone on its line (a form's column split by OCR): the value is on the next non-blank line
			int next = lineEnd;
			for (int blank = 0; blank < 3 && next < text.length(); blank++) {
				next++;
				int end = lineEnd(text, next);
				int s = skipNoise(text, next, end);
				if (s < end) {
					return new Value(fold(text.substring(s, end)), s);
				}
				next = end;
			}
			return null;
		}
		int end = lineEnd;
		for (int i = 0; i < CONTINUATION_LINES && end < text.length(); i++) {
			String so = text.substring(start, end).stripTrailing();
			boolean open = so.endsWith(",") || so.endsWith("-") || so.matches(".*\\b[1-9]\\d{3}$")
					|| so.matches("(?i).*\\bte$");
			int nextEnd = lineEnd(text, end + 1);
			if (!open || end + 1 >= text.length() || text.substring(end + 1, nextEnd).isBlank()) {
				break;
			}
			end = nextEnd;
		}
		return new Value(fold(text.substring(start, end)), start);
	}

	private static int lineEnd(String text, int from) {
		int end = text.indexOf('\n', from);
		return end < 0 ? text.length() : end;
	}

	/** Past what OCR puts between a label and its value: column rules, brackets, stray punctuation and digits. */
	private static int skipNoise(String text, int from, int end) {
		int at = from;
		while (at < end && !Character.isLetter(text.charAt(at))) {
			at++;
		}
		return at;
	}

	private static String fold(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			out.append(c == '\n' ? ' ' : PageView.fold(c));
		}
		return out.toString();
	}

	/**
	 * Reads one address out of a value; null when it holds none. {@code streetOnly}: whether "street, municipality"
	 * without a number counts (a label says it is the site; a subject line's dash segment does not).
	 */
	Site parse(String value, int offset, boolean streetOnly, double rule, String method) {
		Matcher first = MUNICIPALITY_FIRST.matcher(value);
		if (first.matches() && isPlace(first.group("place"))) {
			Site site = parseStreetFirst(first.group("rest"), offset + first.start("rest"), streetOnly, rule, method);
			if (site != null) {
				return site.municipality() != null ? site : withMunicipality(site, first.group("place"));
			}
		}
		Site site = parseStreetFirst(value, offset, streetOnly, rule, method);
		if (site == null && first.matches() && !looksLikeStreet(first.group("place"))) {
			site = parseStreetFirst(first.group("rest"), offset + first.start("rest"), false, rule, method);
			site = site == null || site.withoutNumber() ? null : withMunicipality(site, first.group("place"));
		}
		return site;
	}

	private Site parseStreetFirst(String value, int offset, boolean streetOnly, double rule, String method) {
		Matcher without = WITHOUT_NUMBER.matcher(value);
		if (without.lookingAt()) {
			return site(without.group("street"), List.of(), false, null, value, without.end(), offset, rule, method);
		}
		Matcher numbered = NUMBERED.matcher(value);
		if (numbered.lookingAt() && !postcode(value, numbered)) {
			List<String> numbers = new ArrayList<>(List.of(numbered.group("first").replace(" ", "")));
			boolean range = false;
			int end = numbered.end();
			while (true) {
				Matcher next = NEXT_NUMBER.matcher(value).region(end, value.length());
				if (!next.lookingAt()) {
					break;
				}
				String sep = next.group("sep");
				String number = next.group("number").replace(" ", "");
				if (sep.equals(",") && (number.length() == 4 || value.substring(next.end()).matches("^\\s*\\p{Lu}.*"))) {
					break; // ", 2894 Oosterlinde": the postcode
				}
				if (sep.equals("-")) {
					if (range || numbers.size() > 1) {
						break;
					}
					range = true;
				}
				numbers.add(number);
				end = next.end();
			}
			if (range && !plausibleRange(numbers)) {
				return null; // "13 -140": a misreading, not a block of houses
			}
			String box = null;
			Matcher boxMatch = BOX.matcher(value).region(end, value.length());
			if (boxMatch.lookingAt()) {
				box = boxMatch.group("box");
				end = boxMatch.end();
			}
			return site(numbered.group("street"), numbers, range, box, value, end, offset, rule, method);
		}
		Matcher only = STREET_ONLY.matcher(value);
		if (streetOnly && only.matches() && isPlace(only.group("municipality"))) {
			String street = clean(only.group("street"));
			if (looksLikeStreet(street)) {
				return new Site(street, List.of(), false, null, only.group("postcode"), place(only.group("municipality")),
						value.strip(), offset, offset + value.length(), rule, method);
			}
		}
		return null;
	}

	/** "Bremstraat, 2894 Oosterlinde": four digits and a name after the street are a postcode, not a number. */
	private static boolean postcode(String value, Matcher numbered) {
		return numbered.group("first").length() == 4 && value.substring(numbered.end()).matches("^\\s+\\p{Lu}.*");
	}

	private Site site(String street, List<String> numbers, boolean range, String box, String value, int end,
			int offset, double rule, String method) {
		String name = clean(street);
		if (!NAME_WORD.matcher(name).find() || SITE_LABEL.matcher(name).lookingAt()) {
			return null; // "VAN HET G": what is left of a label, not a street
		}
		String postcode = null;
		String municipality = null;
		Matcher tail = TAIL.matcher(value).region(end, value.length());
		if (tail.lookingAt()) {
			postcode = tail.group("postcode");
			municipality = place(tail.group("municipality") != null ? tail.group("municipality") : tail.group("te"));
			if (postcode == null && !isPlace(municipality) && tail.group("te") == null) {
				municipality = null; // ", Afdeling 2": not a municipality
			}
			else {
				end = tail.end();
			}
		}
		return new Site(name, numbers, range, box, postcode, municipality, value.substring(0, end).strip(), offset,
				offset + end, rule, method);
	}

	private static Site withMunicipality(Site site, String municipality) {
		return new Site(site.street(), site.numbers(), site.range(), site.box(), site.postcode(), municipality,
				site.written(), site.start(), site.end(), site.rule(), site.method());
	}

	private static boolean plausibleRange(List<String> numbers) {
		try {
			int from = Integer.parseInt(StreetNames.numericPart(StreetNames.houseNumber(numbers.get(0))));
			int to = Integer.parseInt(StreetNames.numericPart(StreetNames.houseNumber(numbers.get(1))));
			return from < to && to - from <= MAX_RANGE && from % 2 == to % 2;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static String clean(String street) {
		return street.strip().replaceAll("[,\\s]+$", "").replaceAll("\\s+", " ");
	}

	/** Whether one of the name's words is a street word: "Kerkstraat", "Steenweg op Heikant", "Grote Markt". */
	static boolean looksLikeStreet(String street) {
		for (String word : StreetNames.expand(street).split("[\\s-]+")) {
			if (STREET_WORD.matcher(word.replaceAll("[^\\p{L}]", "")).find()) {
				return true;
			}
		}
		return false;
	}

	private boolean isPlace(String name) {
		return name != null && known(name) != null;
	}

	/** The known municipality the name is a slight misreading of, else the name as read. */
	private String place(String read) {
		if (read == null) {
			return null;
		}
		String name = Labels.collapse(read);
		String known = known(name);
		return known != null ? known : name;
	}

	/** The known place {@code name} is, within an OCR slip or a stray hyphen ("Rodeve-ld"), or null. */
	private String known(String name) {
		String letters = letters(name);
		for (String known : knownPlaces) {
			if (letters(known).equals(letters) || SIMILARITY.apply(letters(known), letters) >= PLACE_SIMILARITY) {
				return known;
			}
		}
		return null;
	}

	private static String letters(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
	}

}
