package be.permitarchive.dossier;

/**
 * A cadastral division (kadastrale afdeling) of a municipality, as reference data. The division code is not the
 * municipality's NIS code: a municipality has one or more divisions, often numbered after pre-1977 municipalities.
 * @param code the 5-digit division code that starts a CaPaKey, e.g. "31999"
 * @param name the cadastre's name, e.g. "ZANDHOVEKE 2 AFD"
 * @param municipalityNis the NIS code of the municipality the division belongs to
 * @param ordinal the number documents use for it: "2de afdeling" of that municipality is ordinal 2
 */
public record Division(String code, String name, String municipalityNis, int ordinal) {

	public Division {
		if (code == null || !code.matches("[0-9]{5}")) {
			throw new IllegalArgumentException("A division code has 5 digits, not '" + code + "'");
		}
		if (ordinal < 1) {
			throw new IllegalArgumentException("Division ordinals start at 1, not " + ordinal);
		}
	}

}
