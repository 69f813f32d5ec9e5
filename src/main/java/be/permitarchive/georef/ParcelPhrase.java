package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;
import be.permitarchive.dossier.Division;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cadastral reference as a document writes it, found anywhere in a page's text: "2de afdeling, sectie B, nr.
 * 123C", "Kadaster Afd. 2 Sie F 46/04B", "afdeling 2, sectie F, deel van nr. 46/04B", "Kad. Afd. 1, Sie E, nr. 257
 * A", "kadastraal gekend te Rodeveld, sectie B, nummers 105/a en 106R", "ZANDHOVEKE 2 AFD, sectie B, perceel
 * 88/02C", several numbers and several sections in one phrase, and the rows of a parcel table under a header
 * "Afdeling Sectie Perceelnummer" ("2 F 43", "2 (12432) E 282 A 4 a 47 ca"). The division is kept as written (an
 * ordinal, a name, a code, a place or nothing): which division that is depends on the dossier's municipality.
 *
 * @param start offset of the phrase in the text
 * @param end offset just after the last number
 * @param division the division as written
 * @param sections the sections named, each with its numbers
 */
public record ParcelPhrase(int start, int end, WrittenDivision division, List<Section> sections) {

	public ParcelPhrase {
		sections = List.copyOf(sections);
	}

	/**
	 * The division as a phrase writes it; at most one part is set.
	 * @param ordinal "2de afdeling", "afd. 2": 2; 0 when not written
	 * @param name the cadastre's name, "ZANDHOVEKE 2 AFD"
	 * @param code the division code, "12432"
	 * @param place a place name, "te Rodeveld": the former municipality the division was
	 */
	public record WrittenDivision(int ordinal, String name, String code, String place) {

		public static final WrittenDivision NONE = new WrittenDivision(0, null, null, null);

		public boolean isWritten() {
			return ordinal > 0 || name != null || code != null || place != null;
		}

	}

	/** A section letter and the parcel numbers written after it. */
	public record Section(char letter, List<Number> numbers) {

		public Section {
			numbers = List.copyOf(numbers);
		}

	}

	/**
	 * One parcel number as written ("46/04B", "257 A", "105/a", "1O6R") at [start, end) of the text.
	 * @param part "(deel)", "deel van", "pie": the document concerns part of the parcel
	 */
	public record Number(String written, int start, int end, boolean part) {
	}

	/** What a phrase yields in a known division: its keys, or why there are none. */
	public record Keys(String phrase, List<CaPaKey> keys, boolean partOnly, String problem) {

		public Keys {
			keys = List.copyOf(keys);
		}

		public boolean readable() {
			return problem == null;
		}

	}

	private static final String ORDINAL_WORDS = "eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende";

	/** "afdeling", "afd.", and what OCR makes of the word ("afkling"). */
	private static final String DIVISION_WORD = "(?:afd(?:eling)?|af\\p{L}{2,6}ing)\\.?";

	/**
	 * The section word and its letter; OCR variants of the word seen in scans ("sectle", "s1e"); or the letter alone
	 * right after a cadastral label.
	 */
	private static final Pattern SECTION = Pattern.compile("(?i)(?:(?<![\\p{L}])(?:" + spaced("sectie") + "|sectic|sectle"
			+ "|seclie|seetie|section|sect\\.?|sie|s[il1]e)\\s*[.:,]?\\s*"
			// a title block's "Kadaster: B 123C", "Kad.: afd. 2 B 123C": after a cadastral label the letter needs no word
			+ "|(?<=(?:kadaster|kadastraal|kad\\.|kadastrale\\sligging)\\s{0,3}:?\\s{0,3}"
			+ "(?:afd(?:eling)?\\.?\\s{0,2}\\d{1,2}[\\s,.]{0,3})?)(?=(?-i:[A-Z])\\s+\\d))"
			+ "(?-i:(?<letter>[A-Z]))(?![\\p{L}\\d])");

	/** What may stand between the section letter and the first number. */
	private static final Pattern NUMBERS_LABEL = Pattern.compile("(?i)[\\s,.:;]*(?<deel>deel\\s+van\\s+)?(?:(?:kadastrale?\\s+)?"
			+ "(?:n[r°o][\\p{L}()]{0,4}|nummer\\(s\\)|nummers?|perceel(?:nummer\\(s\\)|nummers?|nr|s)?|percelen|perc)\\.?"
			+ "[\\s.:,]*)?(?<deel2>deel\\s+van\\s+(?:n[r°o][\\p{L}()]{0,3}\\.?\\s*)?)?");

	/**
	 * One number: a radical (its first digit may be read as l or I), then what follows without a space (exponent,
	 * power, "/bis"), or a single capital letter after a space ("257 A"). A four-digit number followed by a name is a
	 * postcode, not a parcel.
	 */
	private static final String NUMBER = "(?<![\\p{L}\\d/])(?:[lI](?=\\d))?\\d{1,4}[0-9A-Za-z£]{0,4}(?:\\s?/\\s?[0-9A-Za-z£]{1,4})?"
			+ "(?:\\s(?-i:[A-Z])(?![\\p{L}\\d]))?(?![\\p{L}\\d])";

	private static final Pattern FIRST_NUMBER = Pattern.compile(NUMBER);

	private static final Pattern HEADING = Pattern.compile("\\.\\s*\\p{Lu}");

	private static final Pattern POSTCODE = Pattern.compile("\\d{4}\\s+\\p{Lu}\\p{Ll}");

	private static final Pattern NEXT_NUMBER = Pattern.compile("(?i)\\s*(?:,|;|\\.|&|\\+|,?\\s*\\ben\\b)\\s*(?:n[r°o]s?\\.?\\s*)?"
			+ "(?<number>" + NUMBER + ")");

	private static final Pattern PART = Pattern.compile("(?i)\\s*(?:\\(\\s*(?:deel|dl\\.?|pie|p\\.?)\\s*\\)|(?:deel|pie)(?![\\p{L}]))");

	/** A further section in the same phrase: "..., sectie C nr. 12" or "... en sectie C nr. 12". */
	private static final Pattern MORE_SECTION = Pattern.compile("(?i)\\s*(?:,|;|en|&)?\\s*(?=(?:sectie|sie|sect\\.?)\\s*[A-Z](?![\\p{L}]))");

	private static final List<Pattern> DIVISION_BEFORE = List.of(
			Pattern.compile("(?<name>\\p{Lu}[\\p{Lu}' -]{2,30}\\s\\d{1,2}\\s?AFD\\.?(?:\\s?/[^/]{1,30}/)?)[\\s,.:;]*$"),
			Pattern.compile("(?i)(?<![\\p{L}\\d])(?<ord>\\d{1,2}|[lI](?=ste|e))\\s?(?:ste|de|e|d|st)?\\.?\\s{0,3}"
					+ DIVISION_WORD + "[\\s,.:;]*$"),
			Pattern.compile("(?i)(?<![\\p{L}])(?<word>" + ORDINAL_WORDS + ")\\s+" + DIVISION_WORD + "[\\s,.:;]*$"),
			Pattern.compile("(?i)(?<![\\p{L}])" + DIVISION_WORD + "\\s*[.,:]?\\s*(?<ord>\\d{1,2})(?!\\d)"
					+ "(?:\\s*\\(\\s*(?<code>\\d{5})\\s*\\))?[\\s,.:;]*$"),
			Pattern.compile("(?<![\\d/.])\\(?(?<code>\\d{5})\\)?[\\s,.:;]*$"),
			Pattern.compile("(?<![\\p{L}])te\\s+(?<place>\\p{Lu}[\\p{L}'-]+(?:\\s\\p{Lu}[\\p{L}'-]+){0,2})[\\s,.:;]*$"),
			// "Rodeveld, sectie B": a place name set off by a comma (a label such as "Kadaster" is not)
			Pattern.compile("(?<![\\p{L}])(?<place>\\p{Lu}[\\p{L}'-]+(?:\\s\\p{Lu}[\\p{L}'-]+){0,2}),\\s*$"));

	/** How far before the section word its division may stand. */
	private static final int DIVISION_LOOKBACK = 60;

	/** A parcel table's header: "Afdeling Sectie Perceelnummer [Oppervlakte]", or without the division column. */
	private static final Pattern TABLE_HEADER = Pattern.compile("(?i)^[^\\p{L}\\d]*(?:(?<division>(?:kad\\.?\\s+)?"
			+ "(?:" + spaced("afdeling") + "|afd\\.?))\\s+)?" + spaced("sectie") + "\\s+" + spaced("perceel")
			+ "\\S*(?:\\s+\\p{L}+)*[^\\p{L}\\d]*$");

	private static final Pattern TABLE_ROW_WITH_DIVISION = Pattern.compile("^[^\\p{L}\\d(]*(?:(?<ord>\\d{1,2})(?:\\s*\\(\\s*(?<code>\\d{5})\\s*\\))?"
			+ "|(?<code2>\\d{5}))\\s+(?<letter>[A-Z])\\s+(?<number>\\d.*?)\\s*$");

	private static final Pattern TABLE_ROW = Pattern.compile("^[^\\p{L}\\d]*(?<letter>[A-Z])\\s+(?<number>\\d.*?)\\s*$");

	/** A table's surface column: "4 a 47 ca", "1 ha 2 a 5 ca", "447 m2". */
	private static final Pattern AREA = Pattern.compile("(?i)\\s+(?:(?:\\d+\\s*ha\\s*)?(?:\\d+\\s*a\\s*)?\\d+\\s*ca|\\d+[.,]?\\d*\\s*m[2²])\\.?$");

	private static final Pattern WHOLE_NUMBER = Pattern.compile("^" + NUMBER + "$");

	/** Blank lines OCR leaves between the rows of a table. */
	private static final int TABLE_GAP = 2;

	/** A word as OCR may split it: "s ectie", "sec tie", "P erceelnummer". */
	private static String spaced(String word) {
		return String.join(" ?", word.split(""));
	}

	/** Every cadastral reference in {@code text}, in text order. */
	public static List<ParcelPhrase> find(String text) {
		String flat = flatten(text);
		List<ParcelPhrase> found = new ArrayList<>(tables(text));
		Matcher section = SECTION.matcher(flat);
		int consumed = 0;
		while (section.find()) {
			if (section.start() < consumed || inside(found, section.start())) {
				continue;
			}
			List<Section> sections = new ArrayList<>();
			int end = numbers(flat, section, sections);
			if (end < 0) {
				continue;
			}
			while (true) {
				Matcher more = MORE_SECTION.matcher(flat).region(end, flat.length());
				if (!more.lookingAt()) {
					break;
				}
				Matcher next = SECTION.matcher(flat).region(more.end(), flat.length());
				if (!next.lookingAt()) {
					break;
				}
				int after = numbers(flat, next, sections);
				if (after < 0) {
					break;
				}
				end = after;
			}
			int start = section.start();
			WrittenDivision division = WrittenDivision.NONE;
			int lookback = Math.max(flat.lastIndexOf("\n\n", start) + 1, start - DIVISION_LOOKBACK);
			String before = flat.substring(Math.max(0, lookback), start);
			for (Pattern pattern : DIVISION_BEFORE) {
				Matcher m = pattern.matcher(before);
				if (m.find()) {
					division = division(m);
					start = Math.max(0, lookback) + m.start();
					break;
				}
			}
			found.add(new ParcelPhrase(start, end, division, sections));
			consumed = end;
		}
		found.sort(Comparator.comparingInt(ParcelPhrase::start));
		return found;
	}

	/** The first reference in a phrase, if it holds one. */
	public static Optional<ParcelPhrase> parse(String phrase) {
		List<ParcelPhrase> found = find(phrase);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
	}

	/**
	 * Reads a stored phrase of a dossier of municipality {@code municipalityNis} into CaPaKeys as written, without a
	 * parcel map: the division by {@link Divisions#find}, each number as it reads.
	 */
	public static Keys read(String phrase, String municipalityNis, Divisions divisions) {
		Optional<ParcelPhrase> parsed = parse(phrase);
		boolean part = parsed.map(ParcelPhrase::partOnly).orElse(false);
		Optional<Division> division = parsed.flatMap(p -> p.division().isWritten()
				? resolveWritten(p.division(), municipalityNis, divisions) : divisions.only(municipalityNis));
		if (parsed.isPresent() && division.isEmpty() && !parsed.get().division().isWritten()) {
			division = divisions.find(phrase, municipalityNis);
		}
		if (division.isEmpty()) {
			return new Keys(phrase, List.of(), part, "no cadastral division found (no code, name or 'Nde afdeling' of"
					+ " municipality " + municipalityNis + " in divisions.csv)");
		}
		if (parsed.isEmpty()) {
			return new Keys(phrase, List.of(), part, "no section letter and parcel number found ('sectie B nr. 12')");
		}
		String code = division.get().code();
		List<CaPaKey> keys = new ArrayList<>();
		for (Section section : parsed.get().sections()) {
			for (Number number : section.numbers()) {
				ParcelNumber.reading(number.written())
					.ifPresent(n -> keys.add(CaPaKey.fromWritten(code, section.letter(), n)));
			}
		}
		if (keys.isEmpty()) {
			return new Keys(phrase, List.of(), part, "no parcel number found after the section");
		}
		return new Keys(phrase, keys, part, null);
	}

	/** The division a written division names in the municipality, when the reference data says. */
	public static Optional<Division> resolveWritten(WrittenDivision written, String municipalityNis,
			Divisions divisions) {
		if (written.code() != null) {
			return divisions.byCode(written.code());
		}
		if (written.name() != null) {
			return divisions.byName(written.name());
		}
		if (written.ordinal() > 0) {
			return divisions.byOrdinal(municipalityNis, written.ordinal());
		}
		if (written.place() != null) {
			return divisions.byPlace(written.place(), municipalityNis);
		}
		return Optional.empty();
	}

	/** Whether any number of the phrase concerns only part of its parcel. */
	public boolean partOnly() {
		return sections.stream().flatMap(s -> s.numbers().stream()).anyMatch(Number::part);
	}

	/** All numbers of the phrase, in order. */
	public List<Number> numbers() {
		return sections.stream().flatMap(s -> s.numbers().stream()).toList();
	}

	/** Reads the numbers after a section word into {@code sections}; the end offset, or -1 when there is none. */
	private static int numbers(String flat, Matcher section, List<Section> sections) {
		Matcher label = NUMBERS_LABEL.matcher(flat).region(section.end(), flat.length());
		int at = label.lookingAt() ? label.end() : section.end();
		boolean firstPart = label.lookingAt() && (label.group("deel") != null || label.group("deel2") != null);
		Matcher first = FIRST_NUMBER.matcher(flat).region(at, flat.length());
		if (!first.lookingAt() || postcode(flat, first.start())) {
			return -1;
		}
		List<Number> numbers = new ArrayList<>();
		int end = first.end();
		Matcher part = PART.matcher(flat).region(end, flat.length());
		boolean isPart = firstPart;
		if (part.lookingAt()) {
			isPart = true;
			end = part.end();
		}
		numbers.add(new Number(first.group().strip(), first.start(), first.end(), isPart));
		while (true) {
			Matcher next = NEXT_NUMBER.matcher(flat).region(end, flat.length());
			if (!next.lookingAt() || postcode(flat, next.start("number")) || heading(flat, next)) {
				break;
			}
			end = next.end();
			isPart = false;
			part = PART.matcher(flat).region(end, flat.length());
			if (part.lookingAt()) {
				isPart = true;
				end = part.end();
			}
			numbers.add(new Number(next.group("number").strip(), next.start("number"), next.end("number"), isPart));
		}
		sections.add(new Section(section.group("letter").charAt(0), numbers));
		return end;
	}

	/** "3. AARD DER WERKEN": a short number, a full stop and a capital is the next heading of a form. */
	private static boolean heading(String flat, Matcher next) {
		return next.group("number").length() <= 2
				&& HEADING.matcher(flat).region(next.end("number"), flat.length()).lookingAt();
	}

	private static boolean postcode(String flat, int at) {
		return POSTCODE.matcher(flat).region(at, flat.length()).lookingAt();
	}

	/** The rows of every parcel table in the text (read line by line, as OCR gives a table). */
	private static List<ParcelPhrase> tables(String text) {
		List<ParcelPhrase> found = new ArrayList<>();
		String[] lines = text.split("\n", -1);
		int offset = 0;
		int[] starts = new int[lines.length];
		for (int i = 0; i < lines.length; i++) {
			starts[i] = offset;
			offset += lines[i].length() + 1;
		}
		for (int i = 0; i < lines.length; i++) {
			Matcher header = TABLE_HEADER.matcher(lines[i]);
			if (!header.matches()) {
				continue;
			}
			boolean withDivision = header.group("division") != null;
			int gap = 0;
			for (int j = i + 1; j < lines.length; j++) {
				if (lines[j].isBlank()) {
					if (++gap > TABLE_GAP) {
						break;
					}
					continue;
				}
				gap = 0;
				ParcelPhrase row = row(lines[j], starts[j], withDivision);
				if (row == null) {
					break;
				}
				found.add(row);
				i = j;
			}
		}
		return found;
	}

	private static ParcelPhrase row(String line, int offset, boolean withDivision) {
		Matcher m = (withDivision ? TABLE_ROW_WITH_DIVISION : TABLE_ROW).matcher(line);
		if (!m.matches()) {
			return null;
		}
		String number = AREA.matcher(m.group("number")).replaceFirst("");
		if (!WHOLE_NUMBER.matcher(number).matches()) {
			return null;
		}
		WrittenDivision division = WrittenDivision.NONE;
		if (withDivision) {
			String code = m.group("code") != null ? m.group("code") : m.group("code2");
			division = code != null ? new WrittenDivision(0, null, code, null)
					: new WrittenDivision(Integer.parseInt(m.group("ord")), null, null, null);
		}
		int numberStart = offset + m.start("number");
		int start = offset + (withDivision ? (m.start("ord") >= 0 ? m.start("ord") : m.start("code2")) : m.start("letter"));
		return new ParcelPhrase(start, numberStart + number.length(), division, List.of(new Section(
				m.group("letter").charAt(0), List.of(new Number(number, numberStart, numberStart + number.length(), false)))));
	}

	private static boolean inside(List<ParcelPhrase> phrases, int offset) {
		return phrases.stream().anyMatch(p -> offset >= p.start() && offset < p.end());
	}

	private static WrittenDivision division(Matcher m) {
		if (group(m, "name") != null) {
			return new WrittenDivision(0, m.group("name").strip().replaceAll("\\s+", " "), null, null);
		}
		if (group(m, "code") != null) {
			return new WrittenDivision(0, null, m.group("code"), null);
		}
		if (group(m, "ord") != null) {
			return new WrittenDivision(Integer.parseInt(m.group("ord").replaceAll("[lI]", "1")), null, null, null);
		}
		if (group(m, "word") != null) {
			int ordinal = List.of(ORDINAL_WORDS.split("\\|")).indexOf(m.group("word").toLowerCase(Locale.ROOT)) + 1;
			return new WrittenDivision(ordinal, null, null, null);
		}
		return new WrittenDivision(0, null, null, m.group("place"));
	}

	private static String group(Matcher m, String name) {
		try {
			return m.group(name);
		}
		catch (IllegalArgumentException notInThisPattern) {
			return null;
		}
	}

	/**
	 * The text with line breaks inside a paragraph as spaces and typographic variants folded, character for
	 * character, so offsets stay those of the text.
	 */
	static String flatten(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			chars[i] = switch (c) {
				case '\u201a' -> ',';
				case '\u2018', '\u2019', '\u00b4', '`' -> '\'';
				case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u00ad' -> '-';
				case '\u00a0', '\t', '\r', '\u2009', '\u202f' -> ' ';
				case '\n' -> (i > 0 && text.charAt(i - 1) == '\n') || (i + 1 < chars.length && text.charAt(i + 1) == '\n')
						? '\n' : ' ';
				default -> c;
			};
		}
		return new String(chars);
	}

}
