package be.permitarchive.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Fixity of the store: the checksums of what was written, and what is wrong with a folder or file now compared with
 * them. Quick checks compare existence and size (a stat per file); full checks hash the content.
 */
public final class Fixity {

	private final Store store;

	public Fixity(Store store) {
		this.store = store;
	}

	/** Every file in {@code dir} (a folder of the store) with its checksum now; the temporary files of writes left out. */
	public List<StoredFile> record(Path dir) throws IOException {
		List<StoredFile> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
				String name = file.getFileName().toString();
				if (!(name.startsWith(".") && name.endsWith(".tmp"))) {
					files.add(record(file, true));
				}
			}
		}
		return files;
	}

	/** One file of the store with its checksum now. */
	public StoredFile record(Path file, boolean hash) throws IOException {
		long size = Files.size(file);
		return new StoredFile(relative(file), hash ? sha256(file) : null, size);
	}

	/** The path of a store file as the register records it: relative to the store root, '/'-separated. */
	public String relative(Path file) {
		return this.store.root().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
	}

	public Path resolve(StoredFile file) {
		return this.store.root().resolve(file.path());
	}

	/**
	 * What is wrong with the files recorded, one line each ("pages/0001-0001.alto.xml: missing"); empty when each is
	 * there with its size and, when {@code hash}, its content.
	 */
	public List<String> damage(Collection<StoredFile> recorded, boolean hash) {
		List<String> problems = new ArrayList<>();
		for (StoredFile file : recorded) {
			String problem = damage(file, hash);
			if (problem != null) {
				problems.add(file.path() + ": " + problem);
			}
		}
		return problems;
	}

	private String damage(StoredFile recorded, boolean hash) {
		Path file = resolve(recorded);
		try {
			long size = Files.size(file);
			if (size != recorded.size()) {
				return String.format(Locale.ROOT, "%d bytes, %d when written", size, recorded.size());
			}
			if (hash && !sha256(file).equals(recorded.sha256())) {
				return "its content changed since it was written (SHA-256 differs)";
			}
			return null;
		}
		catch (NoSuchFileException ex) {
			return "missing";
		}
		catch (IOException ex) {
			return "cannot be read: " + ex.getMessage();
		}
	}

	public static String sha256(Path file) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
