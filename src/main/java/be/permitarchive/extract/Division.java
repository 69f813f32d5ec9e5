package be.permitarchive.extract;

/**
 * A cadastral division (kadastrale afdeling) of a municipality, as reference data.
 * @param code the 5-digit division code that starts a CaPaKey, e.g. "31999"
 * @param name the cadastre's name, e.g. "ZANDHOVEKE 2 AFD"
 * @param municipalityNis the NIS code of the municipality the division belongs to
 * @param ordinal the number documents use for it: "2de afdeling" of that municipality is ordinal 2
 */
public record Division(String code, String name, String municipalityNis, int ordinal) {

	public Division {
		if (code == null || !code.matches("\\d{5}")) {
			throw new IllegalArgumentException("a division code has 5 digits, was " + code);
		}
		if (ordinal < 1) {
			throw new IllegalArgumentException("division ordinals start at 1, was " + ordinal);
		}
	}

}
