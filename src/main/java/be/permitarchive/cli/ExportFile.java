package be.permitarchive.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

import be.permitarchive.register.internal.JsonlExporter;

/**
 * The register's export in one of its formats, written to a writer or to a file ({@code archive export},
 * {@code archive nightly --export}). A file is written beside its target and then moved over it, so a reader never
 * sees half an export and a failed export leaves the previous one in place.
 */
final class ExportFile {

	/** The formats of the export. */
	enum Format {

		/** JSON Lines: one object per dossier. */
		jsonl,
		/** The dossier polygons as a GeoJSON feature collection (EPSG:31370). */
		geojson

	}

	private ExportFile() {
	}

	/** @return the number of dossiers written */
	static int write(JsonlExporter exporter, Format format, boolean publicOnly, Writer writer) throws IOException {
		return (format == Format.geojson) ? exporter.exportGeoJson(writer, publicOnly)
				: exporter.export(writer, publicOnly);
	}

	/** @return the number of dossiers written to {@code target} */
	static int write(JsonlExporter exporter, Format format, boolean publicOnly, Path target) throws IOException {
		try {
			return AtomicFile.write(target, (writer) -> write(exporter, format, publicOnly, writer));
		}
		catch (IOException ex) {
			throw new OutputNotWritableException(target.toAbsolutePath().normalize(), ex);
		}
	}

}
