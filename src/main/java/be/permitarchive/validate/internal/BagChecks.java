package be.permitarchive.validate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import be.permitarchive.validate.Rule;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.domain.Manifest;
import gov.loc.repository.bagit.exceptions.MaliciousPathException;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;

/**
 * The packaging of a delivery: a BagIt bag (RFC 8493) read and verified with the Library of Congress BagIt library,
 * its required {@code bag-info.txt} tags, and every payload file compared with the payload manifest one by one (the
 * library stops at the first problem; the contractor needs the whole list).
 */
public final class BagChecks {

	/** The tags every delivery's {@code bag-info.txt} must carry (docs/standard.md, "BagIt"). */
	public static final List<String> REQUIRED_TAGS = List.of("Batch-Id", "Contractor", "Municipality-NIS",
			"Framework-Contract");

	private static final Pattern NIS = Pattern.compile("\\d{5}");

	private BagChecks() {
	}

	public static boolean isBag(Path root) {
		return Files.isRegularFile(root.resolve("bagit.txt"), LinkOption.NOFOLLOW_LINKS);
	}

	/**
	 * Checks the bag at {@code root}.
	 * @param payloadFiles every regular payload file (not symlinks), relative to the bag root ({@code data/...})
	 */
	public static void check(Path root, Set<Path> payloadFiles, Findings findings) {
		Bag bag;
		try {
			bag = new BagReader().read(root);
		}
		catch (MaliciousPathException ex) {
			findings.delivery(Rule.PACKAGE_PATH_ESCAPE, detail(ex));
			return;
		}
		catch (Exception ex) {
			findings.delivery(Rule.PACKAGE_BAG_INVALID, detail(ex));
			return;
		}
		checkTags(bag, findings);
		if (bag.getPayLoadManifests().isEmpty()) {
			findings.delivery(Rule.PACKAGE_BAG_INVALID, "no payload manifest (manifest-sha256.txt)");
			return;
		}
		boolean perFileProblems = false;
		for (Manifest manifest : bag.getPayLoadManifests()) {
			perFileProblems |= compare(root, manifest, payloadFiles, findings);
		}
		if (!perFileProblems) {
			verifyWithLibrary(bag, findings);
		}
	}

	private static void checkTags(Bag bag, Findings findings) {
		for (String tag : REQUIRED_TAGS) {
			List<String> values = bag.getMetadata().get(tag);
			if (values == null || values.isEmpty() || values.get(0).isBlank()) {
				findings.delivery(Rule.PACKAGE_TAG_MISSING, tag);
			}
		}
		List<String> nis = bag.getMetadata().get("Municipality-NIS");
		if (nis != null) {
			nis.stream()
				.filter((v) -> !v.isBlank() && !NIS.matcher(v.strip()).matches())
				.forEach((v) -> findings.delivery(Rule.PACKAGE_TAG_INVALID, "Municipality-NIS", v));
		}
	}

	/** Listed files that are absent or differ, and payload files that are not listed. True if any. */
	private static boolean compare(Path root, Manifest manifest, Set<Path> payloadFiles, Findings findings) {
		boolean problems = false;
		Map<Path, String> listed = new TreeMap<>();
		for (Map.Entry<Path, String> entry : manifest.getFileToChecksumMap().entrySet()) {
			Path absolute = entry.getKey().toAbsolutePath().normalize();
			if (!absolute.startsWith(root)) {
				findings.delivery(Rule.PACKAGE_PATH_ESCAPE, entry.getKey());
				problems = true;
				continue;
			}
			listed.put(root.relativize(absolute), entry.getValue());
		}
		for (Map.Entry<Path, String> entry : listed.entrySet()) {
			Path relative = entry.getKey();
			Path file = root.resolve(relative);
			if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
				findings.file(Rule.PACKAGE_FILE_MISSING, null, inPayload(relative), manifestName(manifest));
				problems = true;
				continue;
			}
			String actual = digest(file, manifest.getAlgorithm().getMessageDigestName());
			if (!entry.getValue().equalsIgnoreCase(actual)) {
				findings.file(Rule.PACKAGE_CHECKSUM_MISMATCH, null, inPayload(relative), entry.getValue(), actual);
				problems = true;
			}
		}
		for (Path file : payloadFiles) {
			if (!listed.containsKey(file)) {
				findings.file(Rule.PACKAGE_FILE_NOT_IN_MANIFEST, null, inPayload(file), manifestName(manifest));
				problems = true;
			}
		}
		return problems;
	}

	/** Whatever else the library finds (tag manifests, Payload-Oxum, the bag's structure). */
	private static void verifyWithLibrary(Bag bag, Findings findings) {
		try (BagVerifier verifier = new BagVerifier()) {
			verifier.isValid(bag, true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			findings.delivery(Rule.PACKAGE_BAG_INVALID, "verification interrupted");
		}
		catch (MaliciousPathException ex) {
			findings.delivery(Rule.PACKAGE_PATH_ESCAPE, detail(ex));
		}
		catch (Exception ex) {
			findings.delivery(Rule.PACKAGE_BAG_INVALID, detail(ex));
		}
	}

	/** A path relative to the bag root as the findings name files: relative to the payload folder {@code data/}. */
	private static String inPayload(Path relative) {
		return (relative.getNameCount() > 1 && relative.getName(0).toString().equals("data"))
				? relative.subpath(1, relative.getNameCount()).toString() : relative.toString();
	}

	private static String manifestName(Manifest manifest) {
		return "manifest-" + manifest.getAlgorithm().getBagitName() + ".txt";
	}

	private static String detail(Exception ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	static String digest(Path file, String algorithm) {
		try {
			MessageDigest digest = MessageDigest.getInstance(algorithm);
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			return "unreadable (" + ex.getMessage() + ")";
		}
	}

}
