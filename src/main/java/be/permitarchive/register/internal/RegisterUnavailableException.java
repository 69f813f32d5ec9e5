package be.permitarchive.register.internal;

/** The register database cannot be reached, created or migrated. */
public class RegisterUnavailableException extends RuntimeException {

	public RegisterUnavailableException(String message) {
		super(message);
	}

	public RegisterUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
