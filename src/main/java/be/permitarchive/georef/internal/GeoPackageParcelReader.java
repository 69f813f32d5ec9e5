package be.permitarchive.georef.internal;

import be.permitarchive.dossier.CaPaKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import be.permitarchive.georef.MissingCaPaKeyAttributeException;
import be.permitarchive.georef.ParcelFeature;
import be.permitarchive.georef.ReferenceDataException;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;

/**
 * Reads {@code parcels.gpkg} with the NGA GeoPackage library: the feature table that has the CaPaKey column (or the
 * only one), its CRS from {@code gpkg_spatial_ref_sys} (EPSG:31370 as it is, EPSG:3812 transformed).
 */
public final class GeoPackageParcelReader {

	private final String capakeyAttribute;

	public GeoPackageParcelReader(String capakeyAttribute) {
		this.capakeyAttribute = capakeyAttribute;
	}

	public List<ParcelFeature> read(Path file) {
		String name = file.getFileName().toString();
		if (!Files.isRegularFile(file)) {
			throw new ReferenceDataException(name + " does not exist or is not a file: " + file);
		}
		GeoPackage geoPackage;
		try {
			geoPackage = GeoPackageManager.open(file.toFile(), false);
		}
		catch (RuntimeException e) {
			throw new ReferenceDataException(name + " cannot be opened as a GeoPackage: " + e.getMessage(), e);
		}
		try (geoPackage) {
			FeatureDao dao = featureTable(geoPackage, name);
			Crs crs = crsOf(dao.getSrs(), name);
			WKBReader wkb = new WKBReader();
			List<ParcelFeature> features = new ArrayList<>();
			Envelope extent = new Envelope();
			FeatureResultSet rows = dao.queryForAll();
			try {
				for (FeatureRow row : rows) {
					String source = name + "#" + dao.getTableName() + "/" + row.getId();
					Object key = row.getValue(capakeyAttribute);
					Geometry geometry = null;
					GeoPackageGeometryData data = row.getGeometry();
					if (data != null && !data.isEmpty()) {
						geometry = wkb.read(data.getWkb());
						extent.expandToInclude(geometry.getEnvelopeInternal());
					}
					features.add(new ParcelFeature(source, key == null ? null : key.toString(), geometry));
				}
			}
			finally {
				rows.close();
			}
			crs.checkExtent(extent, name);
			for (ParcelFeature feature : features) {
				if (feature.geometry() != null) {
					crs.toLambert72(feature.geometry());
				}
			}
			return features;
		}
		catch (IOException | ParseException e) {
			throw new ReferenceDataException(name + ": unreadable geometry: " + e.getMessage(), e);
		}
	}

	private FeatureDao featureTable(GeoPackage geoPackage, String name) {
		List<String> tables = geoPackage.getFeatureTables();
		if (tables.isEmpty()) {
			throw new ReferenceDataException(name + " holds no feature table; the parcel map must be a feature table");
		}
		List<String> seen = new ArrayList<>();
		for (String table : tables) {
			FeatureDao dao = geoPackage.getFeatureDao(table);
			String[] columns = dao.getColumnNames();
			if (Arrays.asList(columns).contains(capakeyAttribute)) {
				return dao;
			}
			seen.add(table + " " + Arrays.toString(columns));
		}
		throw new MissingCaPaKeyAttributeException(String.format(Locale.ROOT,
				"%s has no CaPaKey attribute '%s'; its feature tables have %s. Set the CaPaKey attribute to the one "
						+ "that holds keys like 31999B0123/00C000 (GRB downloads: CAPAKEY)",
				name, capakeyAttribute, seen));
	}

	private static Crs crsOf(SpatialReferenceSystem srs, String name) {
		if (srs == null) {
			throw Crs.unknown("none given", name);
		}
		if (!"EPSG".equalsIgnoreCase(srs.getOrganization())) {
			throw Crs.unknown(srs.getOrganization() + ":" + srs.getOrganizationCoordsysId(), name);
		}
		return Crs.ofEpsg(srs.getOrganizationCoordsysId())
			.orElseThrow(() -> Crs.unknown("EPSG:" + srs.getOrganizationCoordsysId(), name));
	}

}
