package be.permitarchive.register.internal;

/** The register database cannot be reached, created or migrated. */
public class RegisterUnavailableException extends RuntimeException {

	private final transient RegisterLocation location;

	public RegisterUnavailableException(String message) {
		this(message, null, null);
	}

	/** Names the register that cannot be reached, for the hint people get. */
	public RegisterUnavailableException(String message, RegisterLocation location, Throwable cause) {
		super(message, cause);
		this.location = location;
	}

	public RegisterUnavailableException(String message, Throwable cause) {
		this(message, null, cause);
	}

	/** Which register it is, null when not known here. */
	public RegisterLocation location() {
		return this.location;
	}

}
