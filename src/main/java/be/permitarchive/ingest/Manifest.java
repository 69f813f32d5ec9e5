package be.permitarchive.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The contractor's {@code manifest.csv}: one row per dossier folder, columns
 * {@code folder,reference,municipality_nis,box,notes} (only {@code folder} required, any order, extra columns
 * ignored). UTF-8, comma or semicolon separated (spreadsheets in Flanders write semicolons).
 */
public record Manifest(Map<String, Entry> entries, List<String> problems) {

	public static final String FILE_NAME = "manifest.csv";

	/** The manifest of a delivery, or an empty one when it has none. */
	public static Manifest of(Path deliveryRoot) throws IOException {
		Path file = deliveryRoot.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			return new Manifest(Map.of(), List.of());
		}
		String content = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
		return parse(new java.io.StringReader(content), delimiter(content));
	}

	static Manifest parse(Reader reader, char delimiter) throws IOException {
		Map<String, Entry> entries = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
		try (CSVParser parser = CSVParser.parse(reader, format)) {
			Map<String, String> columns = new LinkedHashMap<>();
			for (String name : parser.getHeaderNames()) {
				columns.put(name.toLowerCase(Locale.ROOT).strip(), name);
			}
			if (!columns.containsKey("folder")) {
				problems.add("manifest.csv has no 'folder' column (columns: " + parser.getHeaderNames() + ")");
				return new Manifest(Map.of(), problems);
			}
			for (CSVRecord row : parser) {
				String folder = value(row, columns, "folder").orElse(null);
				if (folder == null) {
					problems.add("manifest.csv line " + row.getRecordNumber() + " has no folder");
					continue;
				}
				if (entries.containsKey(folder)) {
					problems.add("manifest.csv lists folder '" + folder + "' twice");
					continue;
				}
				entries.put(folder, new Entry(folder, value(row, columns, "reference").orElse(null),
						value(row, columns, "municipality_nis").orElse(null), value(row, columns, "box").orElse(null),
						value(row, columns, "notes").orElse(null)));
			}
		}
		return new Manifest(entries, problems);
	}

	private static Optional<String> value(CSVRecord row, Map<String, String> columns, String column) {
		String header = columns.get(column);
		if (header == null || !row.isMapped(header) || !row.isSet(header)) {
			return Optional.empty();
		}
		String value = row.get(header).strip();
		return value.isEmpty() ? Optional.empty() : Optional.of(value);
	}

	private static char delimiter(String content) {
		String header = content.lines().findFirst().orElse("");
		return (header.indexOf(';') >= 0 && header.indexOf(',') < 0) ? ';' : ',';
	}

	public Optional<Entry> entry(String folder) {
		return Optional.ofNullable(this.entries.get(folder));
	}

	public boolean present() {
		return !this.entries.isEmpty() || !this.problems.isEmpty();
	}

	/** One dossier as the contractor listed it. */
	public record Entry(String folder, String reference, String municipalityNis, String box, String notes) {
	}

}
