package be.permitarchive.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
 */
public final class Store {

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

	/** Writes a file atomically: a reader (or a crash) never sees half of it. */
	public static void writeAtomically(Path target, byte[] content) throws IOException {
		Files.createDirectories(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
		try {
			Files.write(temp, content);
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	public static void writeAtomically(Path target, String content) throws IOException {
		writeAtomically(target, content.getBytes(StandardCharsets.UTF_8));
	}

}
