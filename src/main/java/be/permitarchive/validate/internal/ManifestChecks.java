package be.permitarchive.validate.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.permitarchive.ingest.Manifest;
import be.permitarchive.validate.Rule;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The contractor's {@code manifest.csv} against the delivery: every dossier folder listed, no listed folder missing,
 * references well formed. Read with the ingest's {@link Manifest}; the optional {@code pages} column (expected page
 * count per dossier) and the raw references are read here.
 */
public final class ManifestChecks {

	private ManifestChecks() {
	}

	/** Where the manifest is: beside the payload (the bag's root) or, in a plain folder, at its top. */
	public static Path location(Path root, Path payload) {
		return Files.isRegularFile(root.resolve(Manifest.FILE_NAME)) ? root : payload;
	}

	/**
	 * Checks the manifest in {@code dir} against the dossier folders.
	 * @return the expected page count per folder, where the manifest gives one
	 */
	public static Map<String, Integer> check(Path dir, List<String> folders, Findings findings) {
		Path file = dir.resolve(Manifest.FILE_NAME);
		if (!Files.isRegularFile(file)) {
			findings.delivery(Rule.MANIFEST_MISSING);
			return Map.of();
		}
		Manifest manifest;
		String content;
		try {
			content = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
			manifest = Manifest.of(dir);
		}
		catch (IOException | RuntimeException ex) {
			findings.delivery(Rule.MANIFEST_INVALID, ex.getMessage());
			return Map.of();
		}
		manifest.problems().forEach((problem) -> findings.delivery(Rule.MANIFEST_INVALID, problem));
		if (manifest.entries().isEmpty()) {
			return Map.of();
		}
		for (String folder : folders) {
			if (!manifest.entries().containsKey(folder)) {
				findings.file(Rule.MANIFEST_FOLDER_NOT_LISTED, folder, null, folder);
			}
		}
		for (String listed : manifest.entries().keySet()) {
			if (!folders.contains(listed)) {
				findings.delivery(Rule.MANIFEST_FOLDER_MISSING, Inventory.printable(listed));
			}
		}
		return readRaw(content, findings);
	}

	/** References (when the column is there) and page counts, straight from the CSV. */
	private static Map<String, Integer> readRaw(String content, Findings findings) {
		String header = content.lines().findFirst().orElse("");
		char delimiter = (header.indexOf(';') >= 0 && header.indexOf(',') < 0) ? ';' : ',';
		Map<String, Integer> pages = new HashMap<>();
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.get();
		try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
			Map<String, String> columns = new HashMap<>();
			parser.getHeaderNames().forEach((name) -> columns.put(name.strip().toLowerCase(Locale.ROOT), name));
			for (CSVRecord row : parser) {
				String folder = value(row, columns.get("folder"));
				if (folder == null || folder.isBlank()) {
					continue;
				}
				folder = folder.strip();
				if (columns.containsKey("reference")) {
					String reference = value(row, columns.get("reference"));
					if (reference == null || reference.isBlank()) {
						findings.file(Rule.MANIFEST_REFERENCE_INVALID, folder, null, folder, "");
					}
					else if (reference.chars().anyMatch(Character::isISOControl)) {
						findings.file(Rule.MANIFEST_REFERENCE_INVALID, folder, null, folder,
								Inventory.printable(reference));
					}
				}
				String count = columns.containsKey("pages") ? value(row, columns.get("pages")) : null;
				if (count != null && !count.isBlank()) {
					try {
						pages.put(folder, Integer.parseInt(count.strip()));
					}
					catch (NumberFormatException ex) {
						findings.delivery(Rule.MANIFEST_INVALID, "pages of " + folder + ": " + count);
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			findings.delivery(Rule.MANIFEST_INVALID, ex.getMessage());
		}
		return pages;
	}

	private static String value(CSVRecord row, String column) {
		return (column != null && row.isMapped(column) && row.isSet(column)) ? row.get(column) : null;
	}

}
