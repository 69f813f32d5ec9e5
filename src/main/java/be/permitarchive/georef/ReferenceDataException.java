package be.permitarchive.georef;

/** A reference-data file that cannot be loaded as it is; the message says which file, what is wrong and what to do. */
public class ReferenceDataException extends RuntimeException {

	public ReferenceDataException(String message) {
		super(message);
	}

	public ReferenceDataException(String message, Throwable cause) {
		super(message, cause);
	}

}
