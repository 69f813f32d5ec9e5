package be.permitarchive.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The content-addressed output store. A dossier's outputs live in a folder named after the hash of its contents (its
 * documents' paths and hashes and the OCR settings), so identical input always maps to the same folder and a
 * finished folder is never rewritten:
 * <pre>
 * dossiers/ab/abcdef.../dossier.pdf          searchable PDF/A-2b of every page
 *                      /dossier.txt          plain text, pages separated by form feeds
 *                      /pages/0001-0003.alto.xml, .txt   per document and page
 *                      /pages.json           the page results; written last, marks the folder complete
 * </pre>
 * Who may read it: the store holds page images and OCR text with personal data, so its files are written
 * {@code rw-r-----} and its folders {@code rwxr-x---}: the account that runs the pipeline and its group (the archive
 * team's accounts), never the other local accounts. The private copies of originals being read are owner-only.
 */
public final class Store {

	/** The mode of every file written to the store (POSIX file systems). */
	public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r-----");

	/** The mode of every folder the store creates (POSIX file systems). */
	public static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwxr-x---");

	private final Path root;

	public Store(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return this.root;
	}

	public Path dossierDir(String key) {
		return this.root.resolve("dossiers").resolve(key.substring(0, 2)).resolve(key);
	}

	public static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The failure to write {@code target}, naming it (a full disk says only "No space left on device"), unless it
	 * already does.
	 */
	public static IOException cannotWrite(Path target, IOException failure) {
		String message = String.valueOf(failure.getMessage());
		if (failure instanceof java.nio.file.FileSystemException || message.contains(target.toString())) {
			return failure;
		}
		return new IOException("cannot write " + target + ": " + message, failure);
	}

	/** Creates a folder of the store and its missing parents with {@link #FOLDER_MODE}. */
	public static void createDirectories(Path dir) throws IOException {
		Path absolute = dir.toAbsolutePath().normalize();
		if (Files.isDirectory(absolute)) {
			return;
		}
		if (absolute.getParent() != null) {
			createDirectories(absolute.getParent());
		}
		try {
			Files.createDirectory(absolute);
			if (posix(absolute)) {
				Files.setPosixFilePermissions(absolute, FOLDER_MODE);
			}
		}
		catch (java.nio.file.FileAlreadyExistsException ex) {
			// made at the same moment by another worker
		}
	}

	/** Gives a file written for the store {@link #FILE_MODE}. */
	public static void restrict(Path file) throws IOException {
		if (posix(file)) {
			Files.setPosixFilePermissions(file, FILE_MODE);
		}
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	/** Writes a file atomically: a reader (or a crash) never sees half of it. */
	public static void writeAtomically(Path target, byte[] content) throws IOException {
		Path temp = null;
		try {
			createDirectories(target.getParent());
			temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
			Files.write(temp, content);
			restrict(temp);
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw cannotWrite(target, ex);
		}
		finally {
			if (temp != null) {
				Files.deleteIfExists(temp);
			}
		}
	}

	public static void writeAtomically(Path target, String content) throws IOException {
		writeAtomically(target, content.getBytes(StandardCharsets.UTF_8));
	}

}
