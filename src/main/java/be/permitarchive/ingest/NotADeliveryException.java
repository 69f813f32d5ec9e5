package be.permitarchive.ingest;

import java.nio.file.Path;

/** The path given as a delivery is not a folder. */
public class NotADeliveryException extends IllegalArgumentException {

	private final Path path;

	public NotADeliveryException(Path path) {
		super("Not a delivery folder: " + path);
		this.path = path;
	}

	public Path path() {
		return this.path;
	}

}
