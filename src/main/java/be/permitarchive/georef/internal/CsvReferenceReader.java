package be.permitarchive.georef.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import be.permitarchive.georef.Address;
import be.permitarchive.dossier.Division;
import be.permitarchive.georef.ReferenceDataException;
import be.permitarchive.georef.StreetAlias;

/**
 * Reads the CSV files of a reference-data folder with commons-csv: {@code divisions.csv}, {@code addresses.csv} and
 * the optional {@code street_aliases.csv}. Columns are found by header name, in any order; a missing column or a bad
 * value is refused with the file, line and column.
 */
public final class CsvReferenceReader {

	static final List<String> DIVISION_COLUMNS = List.of("division_code", "name", "municipality_nis", "ordinal");

	static final List<String> ADDRESS_COLUMNS = List.of("address_id", "street", "house_number", "box_number",
			"postcode", "municipality", "nis_code", "x", "y");

	static final List<String> ALIAS_COLUMNS = List.of("alias", "street", "nis_code");

	private CsvReferenceReader() {
	}

	public static List<Division> divisions(Path file) {
		return read(file, DIVISION_COLUMNS, r -> new Division(r.get("division_code").strip(), r.get("name").strip(),
				r.get("municipality_nis").strip(), Integer.parseInt(r.get("ordinal").strip())));
	}

	public static List<Address> addresses(Path file) {
		return read(file, ADDRESS_COLUMNS, r -> new Address(r.get("address_id"), r.get("street").strip(),
				r.get("house_number").strip(), blankToNull(r.get("box_number")), blankToNull(r.get("postcode")),
				r.get("municipality").strip(), r.get("nis_code").strip(), Double.parseDouble(r.get("x")),
				Double.parseDouble(r.get("y"))));
	}

	public static List<StreetAlias> streetAliases(Path file) {
		return read(file, ALIAS_COLUMNS,
				r -> new StreetAlias(r.get("alias").strip(), r.get("street").strip(), r.get("nis_code").strip()));
	}

	private static <T> List<T> read(Path file, List<String> columns, Function<CSVRecord, T> mapper) {
		String name = file.getFileName().toString();
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVParser parser = format.parse(reader)) {
			List<String> header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "")).toList();
			List<String> missing = columns.stream().filter(c -> !header.contains(c)).toList();
			if (!missing.isEmpty()) {
				throw new ReferenceDataException(String.format(Locale.ROOT,
						"%s lacks column(s) %s; expected the header %s, found %s", name, missing,
						String.join(",", columns), header));
			}
			List<T> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				try {
					rows.add(mapper.apply(record));
				}
				catch (RuntimeException e) {
					throw new ReferenceDataException(String.format(Locale.ROOT, "%s line %d: %s (%s)", name,
							parser.getCurrentLineNumber(), e.getMessage(), record.toList()), e);
				}
			}
			return rows;
		}
		catch (IOException e) {
			throw new ReferenceDataException("cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
