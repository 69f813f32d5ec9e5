package be.permitarchive.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/**
 * Writes a file that others read (an export, a report) so that they never see half of it: into a temporary file
 * beside it, then moved over it. The new file gets the permissions the user's umask gives, or those of the file it
 * replaces (a deliberately restricted export stays restricted) — not the owner-only ones of a JDK temp file, which a
 * web server or a colleague could not read.
 */
final class AtomicFile {

	/** What writes the content. */
	@FunctionalInterface
	interface Content<T> {

		T writeTo(Writer writer) throws IOException;

	}

	private AtomicFile() {
	}

	/** Writes {@code target} (UTF-8) and returns what {@code content} returned. */
	static <T> T write(Path target, Content<T> content) throws IOException {
		Path file = target.toAbsolutePath().normalize();
		Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			T result;
			try (BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				result = content.writeTo(writer);
			}
			keepPermissions(file, temp);
			try {
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
			}
			return result;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static void keepPermissions(Path file, Path temp) throws IOException {
		PosixFileAttributeView old = Files.getFileAttributeView(file, PosixFileAttributeView.class);
		if (old != null && Files.isRegularFile(file)) {
			Files.getFileAttributeView(temp, PosixFileAttributeView.class)
				.setPermissions(old.readAttributes().permissions());
		}
	}

}
