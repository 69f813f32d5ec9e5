package be.permitarchive.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Builds test deliveries from the real scans in src/test/resources/real-scans. */
public final class TestDeliveries {

	private TestDeliveries() {
	}

	/** A fresh folder under target/test-work, for tests whose Spring context needs it before JUnit's temp dirs. */
	public static Path workDir(String name) {
		try {
			Path parent = Files.createDirectories(Path.of("target", "test-work"));
			return Files.createTempDirectory(parent, name + "-").toAbsolutePath();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Copies a real scan from the test resources into {@code dossierDir}. */
	public static Path copy(String resource, Path dossierDir) throws IOException {
		Files.createDirectories(dossierDir);
		Path target = dossierDir.resolve(Path.of(resource).getFileName().toString());
		try (InputStream in = TestDeliveries.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("missing test resource " + resource);
			}
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
		return target;
	}

	/** A real file cut in half, as a broken transfer leaves it. */
	public static Path truncated(String resource, Path dossierDir, String name) throws IOException {
		Path full = copy(resource, dossierDir);
		byte[] bytes = Files.readAllBytes(full);
		Files.delete(full);
		Path target = dossierDir.resolve(name);
		Files.write(target, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		return target;
	}

	/** A PDF that needs a password to open. */
	public static Path encryptedPdf(Path dossierDir, String name) throws IOException {
		Files.createDirectories(dossierDir);
		Path target = dossierDir.resolve(name);
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
					new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			document.save(target.toFile());
		}
		return target;
	}

}
