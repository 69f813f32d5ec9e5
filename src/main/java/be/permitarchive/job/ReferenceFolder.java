package be.permitarchive.job;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import be.permitarchive.dossier.Division;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference-data folder given to a run (docs/standard.md, "Reference data"): today its {@code divisions.csv}
 * ({@code division_code,name,municipality_nis,ordinal}), which resolves "2de afdeling" to a cadastral division.
 */
final class ReferenceFolder {

	private ReferenceFolder() {
	}

	static List<Division> divisions(String folder) throws IOException {
		if (folder == null || folder.isBlank()) {
			return List.of();
		}
		Path file = Path.of(folder).resolve("divisions.csv");
		if (!Files.isRegularFile(file)) {
			throw new IOException("The reference data folder " + folder + " has no divisions.csv");
		}
		List<Division> divisions = new ArrayList<>();
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(reader, format)) {
			for (CSVRecord row : parser) {
				divisions.add(new Division(row.get("division_code"), row.get("name"), row.get("municipality_nis"),
						Integer.parseInt(row.get("ordinal"))));
			}
		}
		catch (IllegalArgumentException ex) {
			throw new IOException(file + " is not a valid divisions list (columns division_code,name,"
					+ "municipality_nis,ordinal): " + ex.getMessage(), ex);
		}
		return divisions;
	}

}
