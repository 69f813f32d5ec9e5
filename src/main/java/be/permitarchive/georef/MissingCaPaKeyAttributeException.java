package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

/** A parcel file whose features lack the configured CaPaKey attribute. */
public class MissingCaPaKeyAttributeException extends ReferenceDataException {

	public MissingCaPaKeyAttributeException(String message) {
		super(message);
	}

}
