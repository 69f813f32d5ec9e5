package be.permitarchive.georef;

/** A parcel file whose features lack the configured CaPaKey attribute. */
public class MissingCaPaKeyAttributeException extends ReferenceDataException {

	public MissingCaPaKeyAttributeException(String message) {
		super(message);
	}

}
