package be.permitarchive.register.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The register could not give a connection because it cannot be reached (the server down, the database gone,
 * connections refused), as opposed to a pool that is only busy; says which register it is.
 */
public class RegisterUnreachableException extends SQLTransientConnectionException {

	private final transient RegisterLocation location;

	RegisterUnreachableException(String message, RegisterLocation location, SQLException cause) {
		super(message, cause.getSQLState(), cause);
		this.location = location;
	}

	public RegisterLocation location() {
		return this.location;
	}

}
