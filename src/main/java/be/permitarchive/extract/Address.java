package be.permitarchive.extract;

/** A postal address as read from the dossier; {@code boxNumber} and {@code postcode} may be null. */
public record Address(String street, String houseNumber, String boxNumber, String postcode, String municipality) {

	/** Street and number, lower case without spaces: two readings of one address share it. */
	String key() {
		return (street + " " + houseNumber + (boxNumber == null ? "" : " bus " + boxNumber)).toLowerCase(java.util.Locale.ROOT)
			.replaceAll("[\\s.-]", "");
	}

}
