package be.permitarchive.job;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import be.permitarchive.dossier.CaPaKey;
import be.permitarchive.georef.MapChange;
import be.permitarchive.georef.MapChange.PlacedDossier;
import be.permitarchive.georef.MapChange.Realignment;
import be.permitarchive.georef.ParcelMap;
import be.permitarchive.register.internal.JdbcReferenceData;
import be.permitarchive.register.internal.JdbcRegister;
import be.permitarchive.register.internal.JdbcRegister.PlacedOnMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the register right when the parcel map changes: every dossier placed on an older map version is re-resolved
 * against the new one. A dossier whose polygon changes gets the new polygon, a history row (old and new geometry,
 * areas, why: split, merged, redrawn ...) and a line in the change report (CSV and GeoJSON, for review); one whose
 * parcels vanished without successor keeps their old geometry and is flagged, never emptied.
 */
@Component
public class MapRealigner {

	/** Boundaries that moved less than this are the same boundary (GRB redraws by centimetres). */
	static final double TOLERANCE_METERS = 0.5;

	private final JdbcRegister register;

	private final JdbcReferenceData referenceData;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	MapRealigner(JdbcRegister register, JdbcReferenceData referenceData, JdbcClient jdbc, JsonMapper json) {
		this.register = register;
		this.referenceData = referenceData;
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Places the dossiers that have metadata but were never placed on a map (e.g. ingested before any map). */
	@Transactional
	public int placeUnplaced() {
		GeoreferenceProcessor processor = new GeoreferenceProcessor(this.register, this.referenceData);
		int placed = 0;
		for (long id : this.jdbc.sql("""
				select id from dossier where extracted_at is not null and georef_version_id is null order by id""")
			.query(Long.class)
			.list()) {
			GeoreferenceProcessor.Result r = processor.process(id);
			if (r != null) {
				this.register.writeGeoreference(r.dossierId(), r.versionId(), r.georeference(), r.wkb(),
						r.addressIds(), r.issues());
				placed++;
			}
		}
		return placed;
	}

	/**
	 * Realigns every dossier to map version {@code versionId} and writes the change report into {@code reportDir}.
	 * @return what changed
	 */
	@Transactional
	public Report realign(long versionId, Path reportDir) throws IOException {
		ParcelMap newMap = this.referenceData.referenceData(versionId).parcels();
		Map<Long, List<PlacedOnMap>> byVersion = new HashMap<>();
		for (PlacedOnMap placed : this.register.placedElsewhere(versionId)) {
			byVersion.computeIfAbsent(placed.versionId(), (v) -> new ArrayList<>()).add(placed);
		}
		List<Realignment> changed = new ArrayList<>();
		int unchanged = 0;
		WKBReader reader = new WKBReader(ParcelMap.GEOMETRIES);
		WKBWriter writer = new WKBWriter(2, true);
		for (Map.Entry<Long, List<PlacedOnMap>> group : byVersion.entrySet()) {
			ParcelMap oldMap = this.referenceData.referenceData(group.getKey()).parcels();
			MapChange change = MapChange.compare(oldMap, newMap, TOLERANCE_METERS);
			for (PlacedOnMap placed : group.getValue()) {
				Set<CaPaKey> parcels = new LinkedHashSet<>();
				placed.parcels().forEach((k) -> parcels.add(CaPaKey.parse(k)));
				Geometry geometry = (placed.geometry() != null) ? read(reader, placed.geometry()) : null;
				var realignment = change.realign(new PlacedDossier(Long.toString(placed.dossierId()), parcels, geometry));
				if (realignment.isEmpty()) {
					this.register.keepOnNewVersion(placed.dossierId(), versionId);
					unchanged++;
					continue;
				}
				Realignment r = realignment.get();
				this.register.realign(placed.dossierId(), group.getKey(), versionId,
						(r.oldGeometry() != null) ? writer.write(r.oldGeometry()) : null,
						(r.newGeometry() != null) ? writer.write(r.newGeometry()) : null, r.oldArea(), r.newArea(),
						r.newParcels().stream().map(CaPaKey::toString).toList(),
						r.kinds().stream().map((k) -> k.name().toLowerCase(Locale.ROOT)).distinct().toList(),
						r.reasons().stream().distinct().toList(),
						!r.vanished().isEmpty());
				changed.add(r);
			}
		}
		Files.createDirectories(reportDir);
		String name = "map-change-to-version-" + versionId;
		Path csv = reportDir.resolve(name + ".csv");
		Path geojson = reportDir.resolve(name + ".geojson");
		writeCsv(csv, changed);
		writeGeoJson(geojson, changed);
		return new Report(versionId, changed.size(), unchanged, csv, geojson, changed);
	}

	private void writeCsv(Path file, List<Realignment> changes) throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader("folder", "reference", "old_area_m2", "new_area_m2", "difference_m2", "kinds", "old_parcels",
					"new_parcels", "why")
			.get();
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(out, format)) {
			for (Realignment r : changes) {
				Map<String, Object> dossier = dossier(r.dossierId());
				csv.printRecord(dossier.get("folder"), dossier.get("reference"), round(r.oldArea()),
						round(r.newArea()), round(r.areaDifference()), join(r.kinds()), join(r.oldParcels()),
						join(r.newParcels()), String.join("; ", r.reasons().stream().distinct().toList()));
			}
		}
	}

	private void writeGeoJson(Path file, List<Realignment> changes) throws IOException {
		GeoJsonWriter geo = new GeoJsonWriter(3);
		geo.setEncodeCRS(false);
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
					+ "{\"name\":\"urn:ogc:def:crs:EPSG::31370\"}},\"features\":[\n");
			boolean first = true;
			for (Realignment r : changes) {
				Map<String, Object> dossier = dossier(r.dossierId());
				for (String which : List.of("old", "new")) {
					Geometry geometry = which.equals("old") ? r.oldGeometry() : r.newGeometry();
					if (geometry == null) {
						continue;
					}
					out.write(first ? "" : ",\n");
					first = false;
					Map<String, Object> properties = new LinkedHashMap<>();
					properties.put("folder", dossier.get("folder"));
					properties.put("reference", dossier.get("reference"));
					properties.put("polygon", which);
					properties.put("areaM2", Math.round((which.equals("old") ? r.oldArea() : r.newArea()) * 10) / 10.0);
					properties.put("kinds", join(r.kinds()));
					properties.put("why", String.join("; ", r.reasons().stream().distinct().toList()));
					Map<String, Object> feature = new LinkedHashMap<>();
					feature.put("type", "Feature");
					feature.put("geometry", this.json.readTree(geo.write(geometry)));
					feature.put("properties", properties);
					out.write(this.json.writeValueAsString(feature));
				}
			}
			out.write("\n]}\n");
		}
	}

	private Map<String, Object> dossier(String id) {
		return this.jdbc.sql("select folder, reference from dossier where id = :id")
			.param("id", Long.parseLong(id))
			.query()
			.singleRow();
	}

	private static Geometry read(WKBReader reader, byte[] wkb) {
		try {
			return reader.read(wkb);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("unreadable dossier geometry: " + ex.getMessage(), ex);
		}
	}

	/** Kinds in lower case (split, merged ...), keys as keys; each once. */
	private static String join(java.util.Collection<?> values) {
		return values.stream()
			.map((v) -> (v instanceof Enum<?> e) ? e.name().toLowerCase(Locale.ROOT) : v.toString())
			.distinct()
			.collect(java.util.stream.Collectors.joining(" "));
	}

	private static String round(double area) {
		return String.format(Locale.ROOT, "%.1f", area);
	}

	/** The outcome of a realignment run. */
	public record Report(long versionId, int changed, int unchanged, Path csv, Path geojson,
			List<Realignment> changes) {
	}

}
