package be.permitarchive.georef.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import org.locationtech.jts.io.WKBWriter;

import be.permitarchive.georef.Parcel;
import be.permitarchive.georef.ReferenceDataException;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;

/** Writes parcels as a GeoPackage feature table with the NGA GeoPackage library (for exports and tests). */
public final class GeoPackageParcelWriter {

	private GeoPackageParcelWriter() {
	}

	/** OGC WKT 1 of the two systems the parcel map accepts; the library's own list does not hold them. */
	private static final java.util.Map<Integer, String[]> DEFINITIONS = java.util.Map.of(31370, new String[] {
			"BD72 / Belgian Lambert 72",
			"PROJCS[\"BD72 / Belgian Lambert 72\",GEOGCS[\"BD72\",DATUM[\"Reseau_National_Belge_1972\","
					+ "SPHEROID[\"International 1924\",6378388,297],TOWGS84[-106.8686,52.2978,-103.7239,0.3366,"
					+ "-0.457,1.8422,-1.2747],AUTHORITY[\"EPSG\",\"6313\"]],PRIMEM[\"Greenwich\",0],"
					+ "UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4313\"]],"
					+ "PROJECTION[\"Lambert_Conformal_Conic_2SP\"],PARAMETER[\"standard_parallel_1\",51.16666723333333],"
					+ "PARAMETER[\"standard_parallel_2\",49.8333339],PARAMETER[\"latitude_of_origin\",90],"
					+ "PARAMETER[\"central_meridian\",4.367486666666666],PARAMETER[\"false_easting\",150000.013],"
					+ "PARAMETER[\"false_northing\",5400088.438],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"31370\"]]" },
			3812, new String[] { "ETRS89 / Belgian Lambert 2008",
					"PROJCS[\"ETRS89 / Belgian Lambert 2008\",GEOGCS[\"ETRS89\",DATUM[\"European_Terrestrial_Reference_System_1989\","
							+ "SPHEROID[\"GRS 1980\",6378137,298.257222101],TOWGS84[0,0,0,0,0,0,0],"
							+ "AUTHORITY[\"EPSG\",\"6258\"]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],"
							+ "AUTHORITY[\"EPSG\",\"4258\"]],PROJECTION[\"Lambert_Conformal_Conic_2SP\"],"
							+ "PARAMETER[\"standard_parallel_1\",49.83333333333334],PARAMETER[\"standard_parallel_2\",51.16666666666666],"
							+ "PARAMETER[\"latitude_of_origin\",50.797815],PARAMETER[\"central_meridian\",4.359215833333333],"
							+ "PARAMETER[\"false_easting\",649328],PARAMETER[\"false_northing\",665262],UNIT[\"metre\",1],"
							+ "AUTHORITY[\"EPSG\",\"3812\"]]" });

	private static SpatialReferenceSystem spatialReferenceSystem(GeoPackage geoPackage, int epsg)
			throws SQLException {
		String[] definition = DEFINITIONS.get(epsg);
		if (definition == null) {
			throw new ReferenceDataException("parcels are written in EPSG:31370 or EPSG:3812 only, not EPSG:" + epsg);
		}
		SpatialReferenceSystem srs = new SpatialReferenceSystem();
		srs.setSrsName(definition[0]);
		srs.setSrsId(epsg);
		srs.setOrganization("EPSG");
		srs.setOrganizationCoordsysId(epsg);
		srs.setDefinition(definition[1]);
		srs.setDescription(definition[0]);
		geoPackage.getSpatialReferenceSystemDao().create(srs);
		return srs;
	}

	/**
	 * Writes {@code parcels} to a new GeoPackage, in table {@code table} with the key in {@code capakeyAttribute},
	 * with coordinates as they are under {@code epsg}.
	 */
	public static void write(Path file, String table, String capakeyAttribute, int epsg, Collection<Parcel> parcels) {
		try {
			Files.deleteIfExists(file);
			GeoPackageManager.create(file.toFile());
			try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
				SpatialReferenceSystem srs = spatialReferenceSystem(geoPackage, epsg);
				GeometryColumns geometryColumns = new GeometryColumns();
				geometryColumns.setTableName(table);
				geometryColumns.setColumnName("geom");
				geometryColumns.setGeometryType(GeometryType.MULTIPOLYGON);
				geometryColumns.setZ((byte) 0);
				geometryColumns.setM((byte) 0);
				geometryColumns.setSrs(srs);
				org.locationtech.jts.geom.Envelope extent = new org.locationtech.jts.geom.Envelope();
				parcels.forEach(p -> extent.expandToInclude(p.geometry().getEnvelopeInternal()));
				BoundingBox box = extent.isNull() ? new BoundingBox()
						: new BoundingBox(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
				geoPackage.createFeatureTable(FeatureTableMetadata.create(geometryColumns,
						List.of(FeatureColumn.createColumn(capakeyAttribute, GeoPackageDataType.TEXT)), box));
				FeatureDao dao = geoPackage.getFeatureDao(table);
				WKBWriter wkb = new WKBWriter();
				geoPackage.beginTransaction();
				try {
					for (Parcel parcel : parcels) {
						FeatureRow row = dao.newRow();
						row.setValue(capakeyAttribute, parcel.key().toString());
						row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srs.getSrsId(),
								wkb.write(parcel.geometry())));
						dao.create(row);
					}
					geoPackage.endTransaction(true);
				}
				catch (RuntimeException | IOException e) {
					geoPackage.endTransaction(false);
					throw e;
				}
			}
		}
		catch (IOException | SQLException e) {
			throw new ReferenceDataException("cannot write GeoPackage " + file + ": " + e.getMessage(), e);
		}
	}

}
