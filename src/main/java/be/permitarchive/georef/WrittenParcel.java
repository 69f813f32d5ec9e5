package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

/**
 * A parcel as a dossier names it: the CaPaKey when extraction could build one (else {@code null}), and always the
 * phrase as written ("2de afdeling, sectie B, nr. 123C").
 */
public record WrittenParcel(CaPaKey capakey, String asWritten) {

	public static WrittenParcel of(String asWritten) {
		return new WrittenParcel(null, asWritten);
	}

}
