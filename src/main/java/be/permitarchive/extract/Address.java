package be.permitarchive.extract;

import java.util.Locale;

/**
 * A site address of the dossier: as the address register gives it when it could be found there ({@code addressId}
 * set, the official street name), else as read with its abbreviations written out. {@code houseNumber} is null for
 * a street without number ("Bremstraat z.n.", a subdivision); {@code boxNumber}, {@code postcode},
 * {@code municipality} and {@code addressId} may be null. The written form is the value's evidence; {@code doubt}
 * says why the address needs a look (not in the register, or found only under a similar street name), null when
 * it is clean.
 */
public record Address(String street, String houseNumber, String boxNumber, String postcode, String municipality,
		String addressId, Doubt doubt) {

	public Address(String street, String houseNumber, String boxNumber, String postcode, String municipality,
			String addressId) {
		this(street, houseNumber, boxNumber, postcode, municipality, addressId, null);
	}

	public Address(String street, String houseNumber, String boxNumber, String postcode, String municipality) {
		this(street, houseNumber, boxNumber, postcode, municipality, null, null);
	}

	Address withDoubt(Doubt newDoubt) {
		return new Address(street, houseNumber, boxNumber, postcode, municipality, addressId, newDoubt);
	}

	/** Street and number, lower case without spaces: two readings of one address share it. */
	String key() {
		return (street + " " + houseNumber + (boxNumber == null ? "" : " bus " + boxNumber)).toLowerCase(Locale.ROOT)
			.replaceAll("[\\s.-]", "");
	}

	/** Street only, in the same form: the street of a numbered address and of a "z.n." reading share it. */
	String streetKey() {
		return street.toLowerCase(Locale.ROOT).replaceAll("[\\s.-]", "");
	}

}
