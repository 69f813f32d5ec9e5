package be.permitarchive.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How a delivery is laid out: one sub-folder per dossier holding its scanned files (in sub-folders too), and
 * delivery-level files (manifest.csv, BagIt tag files) at the top. See docs/standard.md, "Delivery layout".
 */
public final class DeliveryLayout {

	/** Files at the top of a delivery that belong to the delivery, not to a dossier. */
	static final Set<String> DELIVERY_FILES = Set.of("manifest.csv", "bagit.txt", "bag-info.txt", "readme.md",
			"readme.txt");

	private DeliveryLayout() {
	}

	/**
	 * Reads the layout of a delivery folder.
	 * @throws IllegalArgumentException when the folder does not exist or is not a folder
	 */
	public static Delivery discover(Path deliveryDir) throws IOException {
		Path root = deliveryDir.toAbsolutePath().normalize();
		if (!Files.isDirectory(root)) {
			throw new NotADeliveryException(root);
		}
		Path payload = payloadDir(root);
		List<DossierFolder> dossiers = new ArrayList<>();
		List<Path> loose = new ArrayList<>();
		for (Path child : sortedChildren(payload)) {
			String name = child.getFileName().toString();
			if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
				dossiers.add(new DossierFolder(name, child, filesUnder(child)));
			}
			else if (!(payload.equals(root) && isDeliveryFile(name)) && !isHidden(name)) {
				loose.add(root.relativize(child));
			}
		}
		return new Delivery(root, dossiers, loose);
	}

	/** Where the dossier folders are: the delivery folder, or its {@code data/} folder when it is a BagIt bag. */
	public static Path payloadDir(Path root) {
		return (Files.isDirectory(root.resolve("data")) && Files.exists(root.resolve("bagit.txt")))
				? root.resolve("data") : root;
	}

	private static boolean isDeliveryFile(String name) {
		return DELIVERY_FILES.contains(name.toLowerCase(java.util.Locale.ROOT)) || name.startsWith("manifest-")
				|| name.startsWith("tagmanifest-");
	}

	private static boolean isHidden(String name) {
		return name.startsWith(".");
	}

	private static List<Path> sortedChildren(Path dir) throws IOException {
		try (Stream<Path> children = Files.list(dir)) {
			return children.sorted(Comparator.comparing((Path p) -> p.getFileName().toString())).toList();
		}
	}

	/** Every regular file under a dossier folder, as paths relative to it, ordered by name (depth first). */
	private static List<Path> filesUnder(Path dossierDir) throws IOException {
		try (Stream<Path> walk = Files.walk(dossierDir)) {
			return walk.filter((p) -> !p.equals(dossierDir))
				.filter((p) -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
				.map(dossierDir::relativize)
				.filter((p) -> !isHidden(p.getFileName().toString()))
				.sorted(Comparator.comparing(Path::toString))
				.toList();
		}
	}

	/** A delivery folder: its dossier folders, and loose files that belong to no dossier. */
	public record Delivery(Path root, List<DossierFolder> dossiers, List<Path> looseFiles) {

		public String name() {
			return this.root.getFileName().toString();
		}

		/** Whether no dossier folder holds a file (no dossier folders at all, or only empty ones): nothing to ingest. */
		public boolean empty() {
			return this.dossiers.stream().allMatch((dossier) -> dossier.files().isEmpty());
		}

	}

	/** One dossier folder and its files, relative to the folder, ordered by name. */
	public record DossierFolder(String name, Path dir, List<Path> files) {

	}

}
