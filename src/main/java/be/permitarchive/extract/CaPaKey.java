package be.permitarchive.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The cadastral parcel key {@code DDDDDSRRRR/BBEPPP}: division, section, radical, bis number, exponent letter (or
 * "_"), power. "457X2" is radical 457, exponent X, power 2; "123/02C" is radical 123, bis 2, exponent C.
 */
record CaPaKey(String division, char section, int radical, int bis, char exponent, int power) {

	static final Pattern FORMAT = Pattern.compile("^([0-9]{5})([A-Z])([0-9]{4})/([0-9]{2})([A-Z_])([0-9]{3})$");

	CaPaKey {
		if (division == null || !division.matches("\\d{5}") || section < 'A' || section > 'Z' || radical < 1
				|| radical > 9999 || bis < 0 || bis > 99 || power < 0 || power > 999
				|| !(exponent == '_' || (exponent >= 'A' && exponent <= 'Z'))) {
			throw new IllegalArgumentException("not a CaPaKey: " + division + section + radical + "/" + bis + exponent
					+ power);
		}
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s%c%04d/%02d%c%03d", division, section, radical, bis, exponent, power);
	}

	/** The number part as written in a document ("95/g", "457X2", "123/02C"), read for this division and section. */
	static CaPaKey of(String division, char section, String number) {
		String n = number.replaceAll("\\s", "");
		java.util.regex.Matcher m = Pattern.compile("^(\\d{1,4})(?:/(\\d{1,2}))?(?:/?([A-Za-z]))?(\\d{1,3})?$").matcher(n);
		if (!m.matches() || (m.group(4) != null && m.group(3) == null)) {
			return null;
		}
		int bis = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
		char exponent = m.group(3) == null ? '_' : Character.toUpperCase(m.group(3).charAt(0));
		int power = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
		int radical = Integer.parseInt(m.group(1));
		if (radical == 0) {
			return null;
		}
		return new CaPaKey(division, Character.toUpperCase(section), radical, bis, exponent, power);
	}

	/** Division, section and radical: parcels that share it are one plot, split or renumbered. */
	String plot() {
		return division + section + radical;
	}

}
