package be.permitarchive.cli;

import java.io.IOException;
import java.nio.file.Path;

/** A file the user asked for (a report, an export) cannot be written where they said: their choice, exit 2. */
final class OutputNotWritableException extends RuntimeException {

	private final Path target;

	OutputNotWritableException(Path target, IOException cause) {
		super(target + ": " + cause.getMessage(), cause);
		this.target = target;
	}

	Path target() {
		return this.target;
	}

}
