package be.permitarchive.georef;

/**
 * A cadastral division (kadastrale afdeling), e.g. {@code 31999 "ZANDHOVEKE 2 AFD"} of municipality 31998, the 2nd.
 * The division code is not the municipality's NIS code.
 */
public record Division(String code, String name, String municipalityNis, int ordinal) {

	public Division {
		if (code == null || !code.matches("[0-9]{5}")) {
			throw new IllegalArgumentException("A division code has 5 digits, not '" + code + "'");
		}
	}

}
