package be.permitarchive.georef.internal;

import be.permitarchive.dossier.CaPaKey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import be.permitarchive.georef.MissingCaPaKeyAttributeException;
import be.permitarchive.georef.ParcelFeature;
import be.permitarchive.georef.ReferenceDataException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code parcels.geojson}: a FeatureCollection of Polygon/MultiPolygon features with the CaPaKey in a
 * configurable property, its CRS named by the (GeoJSON 2008) {@code crs} member as written by GDAL and QGIS:
 * EPSG:31370 as it is, EPSG:3812 transformed to EPSG:31370. RFC 7946 files without {@code crs} are WGS84 and refused.
 */
public final class GeoJsonParcelReader {

	private final String capakeyAttribute;

	private final JsonMapper json = JsonMapper.builder().build();

	public GeoJsonParcelReader(String capakeyAttribute) {
		this.capakeyAttribute = capakeyAttribute;
	}

	public List<ParcelFeature> read(Path file) {
		String name = file.getFileName().toString();
		JsonNode root;
		try {
			root = json.readTree(file.toFile());
		}
		catch (JacksonException e) {
			throw new ReferenceDataException(name + " is not valid JSON: " + e.getOriginalMessage(), e);
		}
		if (!"FeatureCollection".equals(root.path("type").asString(null))) {
			throw new ReferenceDataException(name + " is not a GeoJSON FeatureCollection (type is '"
					+ root.path("type").asString("missing") + "')");
		}
		Crs crs = crsOf(root, name);
		GeoJsonReader geometries = new GeoJsonReader(new GeometryFactory());
		List<ParcelFeature> features = new ArrayList<>();
		JsonNode array = root.path("features");
		TreeSet<String> seenAttributes = new TreeSet<>();
		Envelope extent = new Envelope();
		int index = 0;
		for (JsonNode feature : array) {
			String source = name + "#" + index++;
			JsonNode properties = feature.path("properties");
			seenAttributes.addAll(properties.propertyNames());
			JsonNode key = properties.get(capakeyAttribute);
			String capakey = key == null || key.isNull() ? null : key.asString();
			Geometry geometry = null;
			JsonNode geometryNode = feature.get("geometry");
			if (geometryNode != null && !geometryNode.isNull()) {
				try {
					geometry = geometries.read(geometryNode.toString());
				}
				catch (ParseException | RuntimeException e) {
					throw new ReferenceDataException(source + ": unreadable geometry: " + e.getMessage(), e);
				}
				extent.expandToInclude(geometry.getEnvelopeInternal());
			}
			features.add(new ParcelFeature(source, capakey, geometry));
		}
		if (!features.isEmpty() && !seenAttributes.contains(capakeyAttribute)) {
			throw new MissingCaPaKeyAttributeException(String.format(Locale.ROOT,
					"%s has no CaPaKey attribute '%s'; its features have %s. Set the CaPaKey attribute to the one "
							+ "that holds keys like 31999B0123/00C000 (GRB downloads: CAPAKEY)",
					name, capakeyAttribute, seenAttributes));
		}
		crs.checkExtent(extent, name);
		for (ParcelFeature feature : features) {
			if (feature.geometry() != null) {
				crs.toLambert72(feature.geometry());
			}
		}
		return features;
	}

	private static Crs crsOf(JsonNode root, String file) {
		JsonNode crs = root.get("crs");
		if (crs == null || crs.isNull()) {
			throw Crs.unknown("none given (RFC 7946: WGS84)", file);
		}
		String crsName = crs.path("properties").path("name").asString(null);
		if (crsName == null) {
			throw Crs.unknown(crs.toString(), file);
		}
		return Crs.fromName(crsName, file);
	}

}
