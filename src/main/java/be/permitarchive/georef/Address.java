package be.permitarchive.georef;

/** An address of the address register (Adressenregister), with its position in Lambert 72. */
public record Address(String id, String street, String houseNumber, String boxNumber, String postcode,
		String municipality, String nisCode, double x, double y) {

	@Override
	public String toString() {
		return street + " " + houseNumber + (boxNumber == null || boxNumber.isBlank() ? "" : " bus " + boxNumber)
				+ ", " + postcode + " " + municipality;
	}

}
