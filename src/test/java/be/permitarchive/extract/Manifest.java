package be.permitarchive.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a delivery's manifest.csv (RFC 4180 quoting) for the tests. */
final class Manifest {

	private Manifest() {
	}

	static Map<String, ManifestEntry> read(Path csv) throws IOException {
		Map<String, ManifestEntry> entries = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(csv);
		for (String line : lines.subList(1, lines.size())) {
			List<String> cells = cells(line);
			while (cells.size() < 5) {
				cells.add(null);
			}
			entries.put(cells.get(0), new ManifestEntry(cells.get(0), cells.get(1), cells.get(2), cells.get(3),
					cells.get(4)));
		}
		return entries;
	}

	static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
				cell.append('"');
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

}
