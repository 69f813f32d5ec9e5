package be.permitarchive.georef;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address as a dossier writes it, after OCR: any part may be missing or misread; {@code addressId} when extraction
 * already found it in the address register, {@code houseNumber} null for a street without number ("z.n.").
 */
public record WrittenAddress(String street, String houseNumber, String boxNumber, String postcode,
		String municipality, String addressId) {

	public WrittenAddress(String street, String houseNumber, String boxNumber, String postcode, String municipality) {
		this(street, houseNumber, boxNumber, postcode, municipality, null);
	}

	/** "Beukenlaan 89 bus 3, 2999 Zandhoveke", "Kerkstr. 24", "Antwerpsestwg 12/2 Zandhoveke" */
	private static final Pattern LINE = Pattern.compile(
			"^\\s*(?<street>.+?)\\s+(?<number>[0-9OolI|]{1,4}[A-Za-z]?(?:-[0-9]{1,4})?)(?:\\s*(?:bus|b\\.|bte|/)\\s*(?<box>[0-9A-Za-z.]{1,6}))?\\s*(?:,\\s*|\\s+)?(?<postcode>[0-9]{4})?\\s*(?<municipality>[^0-9,][^,]*)?\\s*$");

	/** Reads one address line; everything after the street and number is optional. */
	public static WrittenAddress parse(String line) {
		Matcher m = LINE.matcher(line.strip());
		if (!m.matches()) {
			return new WrittenAddress(line.strip(), null, null, null, null);
		}
		String municipality = m.group("municipality");
		return new WrittenAddress(m.group("street").replaceAll(",$", "").strip(), m.group("number"), m.group("box"),
				m.group("postcode"), municipality == null || municipality.isBlank() ? null : municipality.strip());
	}

	@Override
	public String toString() {
		return street + " " + houseNumber + (boxNumber == null ? "" : " bus " + boxNumber)
				+ (postcode == null ? "" : ", " + postcode) + (municipality == null ? "" : " " + municipality);
	}

}
