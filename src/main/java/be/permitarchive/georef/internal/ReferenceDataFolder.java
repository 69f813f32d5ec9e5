package be.permitarchive.georef.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import be.permitarchive.georef.AddressRegister;
import be.permitarchive.georef.Divisions;
import be.permitarchive.georef.ParcelFeature;
import be.permitarchive.georef.ParcelMap;
import be.permitarchive.georef.ReferenceData;
import be.permitarchive.georef.ReferenceDataException;
import be.permitarchive.georef.StreetAlias;

/**
 * Loads a reference-data folder: {@code parcels.gpkg} or {@code parcels.geojson}, {@code divisions.csv},
 * {@code addresses.csv} and optionally {@code street_aliases.csv}.
 */
public final class ReferenceDataFolder {

	/** As in GRB downloads. */
	public static final String DEFAULT_CAPAKEY_ATTRIBUTE = "CAPAKEY";

	private ReferenceDataFolder() {
	}

	public static ReferenceData load(Path folder, String mapVersion, String capakeyAttribute) {
		if (!Files.isDirectory(folder)) {
			throw new ReferenceDataException(folder + " is not a folder; give the reference-data folder with "
					+ "parcels.gpkg or parcels.geojson, divisions.csv and addresses.csv");
		}
		ParcelMap parcels = ParcelMap.build(mapVersion, parcels(folder, capakeyAttribute));
		Divisions divisions = new Divisions(CsvReferenceReader.divisions(required(folder, "divisions.csv")));
		Path aliasFile = folder.resolve("street_aliases.csv");
		List<StreetAlias> aliases = Files.isRegularFile(aliasFile) ? CsvReferenceReader.streetAliases(aliasFile)
				: List.of();
		AddressRegister addresses = new AddressRegister(
				CsvReferenceReader.addresses(required(folder, "addresses.csv")), aliases);
		return new ReferenceData(parcels, divisions, addresses, aliases);
	}

	/** The parcel features of the folder's map, in Lambert 72. */
	public static List<ParcelFeature> parcels(Path folder, String capakeyAttribute) {
		Path gpkg = folder.resolve("parcels.gpkg");
		if (Files.isRegularFile(gpkg)) {
			return new GeoPackageParcelReader(capakeyAttribute).read(gpkg);
		}
		return new GeoJsonParcelReader(capakeyAttribute).read(required(folder, "parcels.geojson"));
	}

	private static Path required(Path folder, String name) {
		Path file = folder.resolve(name);
		if (!Files.isRegularFile(file)) {
			throw new ReferenceDataException(folder + " has no " + name
					+ (name.startsWith("parcels") ? " (nor parcels.gpkg)" : ""));
		}
		return file;
	}

}
