package be.permitarchive.dossier;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of a cadastral parcel, {@code DDDDDSRRRR/BBEPPP}: division, section, radical (grondnummer), bis number,
 * exponent letter ({@code _} when there is none) and power (macht).
 */
public record CaPaKey(String division, char section, int radical, int bis, char exponent, int power)
		implements Comparable<CaPaKey> {

	/** As used by OnroerendErfgoed/crabpy. */
	public static final Pattern PATTERN = Pattern
		.compile("^([0-9]{5})([A-Z])([0-9]{4})/([0-9]{2})([A-Z_])([0-9]{3})$");

	/** "123C", "457X2", "123/02C", "95/g", "88": radical, optional /bis, optional exponent letter and power. */
	private static final Pattern WRITTEN_NUMBER = Pattern
		.compile("^(\\d{1,4})(?:/(\\d{1,2})(?![0-9]))?(?:/?([A-Za-z]))?(\\d{1,3})?$");

	private static final String URI_BASE = "https://data.vlaanderen.be/id/perceel/";

	public CaPaKey {
		if (division == null || !division.matches("[0-9]{5}")) {
			throw new IllegalArgumentException("A cadastral division code has 5 digits, not '" + division + "'");
		}
		if (section < 'A' || section > 'Z') {
			throw new IllegalArgumentException("A section is one capital letter, not '" + section + "'");
		}
		if (radical < 0 || radical > 9999 || bis < 0 || bis > 99 || power < 0 || power > 999) {
			throw new IllegalArgumentException(
					"Radical (0-9999), bis (0-99) or power (0-999) out of range: " + radical + "/" + bis + "/" + power);
		}
		if (exponent != '_' && (exponent < 'A' || exponent > 'Z')) {
			throw new IllegalArgumentException("An exponent is a capital letter or '_', not '" + exponent + "'");
		}
	}

	/** Parses the 17-character form; throws {@link IllegalArgumentException} naming the expected layout. */
	public static CaPaKey parse(String text) {
		return tryParse(text).orElseThrow(() -> new IllegalArgumentException("'" + text
				+ "' is not a CaPaKey: expected 17 characters DDDDDSRRRR/BBEPPP, e.g. 31999B0123/00C000"));
	}

	public static Optional<CaPaKey> tryParse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = PATTERN.matcher(text.strip());
		if (!m.matches()) {
			return Optional.empty();
		}
		return Optional.of(new CaPaKey(m.group(1), m.group(2).charAt(0), Integer.parseInt(m.group(3)),
				Integer.parseInt(m.group(4)), m.group(5).charAt(0), Integer.parseInt(m.group(6))));
	}

	/**
	 * Builds a key from the parts a document writes: a division code, a section letter and a parcel number such as
	 * "123C", "457X2" (exponent X, power 2), "123/02C" (bis 02) or "95/g" (old notation: exponent g).
	 */
	public static CaPaKey fromWritten(String division, char section, String number) {
		Matcher m = WRITTEN_NUMBER.matcher(number == null ? "" : number.strip());
		if (!m.matches()) {
			throw new IllegalArgumentException("'" + number
					+ "' is not a parcel number: expected a radical with optional /bis, exponent and power, e.g. 123C, 457X2, 123/02C, 95/g");
		}
		int bis = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
		char exponent = m.group(3) == null ? '_' : Character.toUpperCase(m.group(3).charAt(0));
		int power = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
		if (exponent == '_' && power > 0) {
			throw new IllegalArgumentException("'" + number + "' has a power without an exponent letter");
		}
		return new CaPaKey(division, Character.toUpperCase(section), Integer.parseInt(m.group(1)), bis, exponent,
				power);
	}

	/** Whether {@code number} reads as a parcel number ("123C", "95/g"). */
	public static boolean isWrittenNumber(String number) {
		return number != null && WRITTEN_NUMBER.matcher(number.strip()).matches();
	}

	/** The parcels that share division, section and radical with this one (the "family" a split stays in). */
	public RadicalKey radicalKey() {
		return new RadicalKey(division, section, radical);
	}

	/** The Flemish linked-data URI: {@code https://data.vlaanderen.be/id/perceel/13013C0384-02H003}. */
	public String uri() {
		return URI_BASE + toString().replace('/', '-');
	}

	/** "123C", "457X2", "123/02C": how documents write the number today. */
	public String writtenNumber() {
		String exp = exponent == '_' ? "" : String.valueOf(exponent);
		String pow = power == 0 ? "" : String.valueOf(power);
		return bis == 0 ? radical + exp + pow : String.format(Locale.ROOT, "%d/%02d%s%s", radical, bis, exp, pow);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s%c%04d/%02d%c%03d", division, section, radical, bis, exponent, power);
	}

	@Override
	public int compareTo(CaPaKey other) {
		return toString().compareTo(other.toString());
	}

	/** Division, section and radical: the parcels a radical names, whatever their bis, exponent and power. */
	public record RadicalKey(String division, char section, int radical) {
	}

}
