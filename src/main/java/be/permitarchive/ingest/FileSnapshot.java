package be.permitarchive.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A private copy of an original file, hashed while it was copied: the pages are read from the copy, so the bytes
 * read are the bytes hashed, whatever happens to the original meanwhile (replaced, still being copied into the
 * delivery, deleted). The copy lives in a folder of the store only its owner can read, and is deleted on close.
 */
public final class FileSnapshot implements AutoCloseable {

	/** Copies older than this in the snapshot folder were left by a process that died: they are removed. */
	static final Duration ABANDONED = Duration.ofDays(1);

	private final Path copy;

	private final String sha256;

	private final long size;

	private FileSnapshot(Path copy, String sha256, long size) {
		this.copy = copy;
		this.sha256 = sha256;
		this.size = size;
	}

	/**
	 * Copies {@code file} into {@code dir}, hashing what is copied.
	 * @throws java.nio.file.NoSuchFileException when the file is not there (any more)
	 */
	public static FileSnapshot take(Path file, Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			Files.createDirectories(dir);
			if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
			}
		}
		Path copy = Files.createTempFile(dir, "snapshot-", ".tmp"); // 0600 on POSIX file systems
		try {
			MessageDigest digest = sha256Digest();
			long size;
			try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), digest);
					OutputStream out = Files.newOutputStream(copy)) {
				size = in.transferTo(out);
			}
			return new FileSnapshot(copy, HexFormat.of().formatHex(digest.digest()), size);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			Files.deleteIfExists(copy);
			throw ex;
		}
		catch (IOException ex) {
			Files.deleteIfExists(copy);
			throw new IOException("cannot copy " + file + " to " + dir + " to read it: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			Files.deleteIfExists(copy);
			throw ex;
		}
	}

	/** Removes the copies a process that died left in {@code dir}; quietly, a folder that is not there is empty. */
	public static void removeAbandoned(Path dir) {
		if (!Files.isDirectory(dir)) {
			return;
		}
		FileTime before = FileTime.from(Instant.now().minus(ABANDONED));
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				if (file.getFileName().toString().startsWith("snapshot-")
						&& Files.getLastModifiedTime(file).compareTo(before) < 0) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException ex) {
			// another process's copy, a folder gone: nothing of the register depends on it
		}
	}

	/** The copy to read the pages from. */
	public Path path() {
		return this.copy;
	}

	/** The SHA-256 of the bytes copied, in lower-case hex. */
	public String sha256() {
		return this.sha256;
	}

	public long size() {
		return this.size;
	}

	@Override
	public void close() throws IOException {
		Files.deleteIfExists(this.copy);
	}

	private static MessageDigest sha256Digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
