package be.permitarchive.register.internal;

import java.nio.file.Path;

import be.permitarchive.register.internal.JdbcReferenceData.Version;

/**
 * A reference-data folder has the content of a version that a later one superseded: an older map, which loaded
 * again would become the current one. Refused unless forced ({@code reference load --force}).
 */
public class SupersededReferenceDataException extends IllegalStateException {

	private final Path folder;

	private final Version superseded;

	private final Version current;

	public SupersededReferenceDataException(Path folder, Version superseded, Version current) {
		super(folder + " has the content of reference version " + superseded.id() + ", superseded by version "
				+ current.id());
		this.folder = folder;
		this.superseded = superseded;
		this.current = current;
	}

	public Path folder() {
		return this.folder;
	}

	/** The older version with the same content. */
	public Version superseded() {
		return this.superseded;
	}

	/** The version in force, which the folder would replace. */
	public Version current() {
		return this.current;
	}

}
