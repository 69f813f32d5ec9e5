package be.permitarchive.georef.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import be.permitarchive.georef.ParcelMap;
import be.permitarchive.georef.UnknownCrsException;

/**
 * The two coordinate reference systems a parcel file may use, and the proj4j transformation from Lambert 2008
 * (EPSG:3812) to Lambert 72 (EPSG:31370), in which the register stores everything.
 */
enum Crs {

	LAMBERT_72(31370), LAMBERT_2008(3812);

	/** "EPSG:31370", "urn:ogc:def:crs:EPSG::31370", "urn:ogc:def:crs:EPSG:6.3:3812", ".../def/crs/EPSG/0/3812" */
	private static final Pattern EPSG = Pattern.compile("EPSG(?::[0-9.]*)?[:/](?:0/)?(\\d+)$",
			Pattern.CASE_INSENSITIVE);

	private static final CRSFactory FACTORY = new CRSFactory();

	final int epsg;

	Crs(int epsg) {
		this.epsg = epsg;
	}

	static Optional<Crs> ofEpsg(long code) {
		for (Crs crs : values()) {
			if (crs.epsg == code) {
				return Optional.of(crs);
			}
		}
		return Optional.empty();
	}

	/** The CRS a name means, or an {@link UnknownCrsException} naming the file and the accepted systems. */
	static Crs fromName(String name, String file) {
		Matcher m = EPSG.matcher(name == null ? "" : name.strip());
		if (m.find()) {
			Optional<Crs> crs = ofEpsg(Long.parseLong(m.group(1)));
			if (crs.isPresent()) {
				return crs.get();
			}
		}
		throw unknown(name, file);
	}

	static UnknownCrsException unknown(String name, String file) {
		return new UnknownCrsException(String.format(Locale.ROOT,
				"%s is in coordinate reference system '%s', which the parcel map does not accept: use Lambert 72 "
						+ "(EPSG:31370) or Lambert 2008 (EPSG:3812), e.g. ogr2ogr -t_srs EPSG:31370",
				file, name));
	}

	/**
	 * Refuses coordinates that cannot be in this CRS over Belgium (degrees, or the other Lambert): a wrong "crs"
	 * member would otherwise put the whole map elsewhere.
	 */
	void checkExtent(org.locationtech.jts.geom.Envelope extent, String file) {
		double min = this == LAMBERT_72 ? 0 : 400_000;
		double max = this == LAMBERT_72 ? 350_000 : 900_000;
		if (extent.isNull()) {
			return;
		}
		if (extent.getMinX() < min || extent.getMaxX() > max || extent.getMinY() < min || extent.getMaxY() > max) {
			throw new UnknownCrsException(String.format(Locale.ROOT,
					"%s says EPSG:%d, but its coordinates (x %.0f..%.0f, y %.0f..%.0f) are not in that system over "
							+ "Belgium: check the file's CRS (Lambert 72 x and y lie between 0 and 350000, "
							+ "Lambert 2008 between 400000 and 900000)",
					file, epsg, extent.getMinX(), extent.getMaxX(), extent.getMinY(), extent.getMaxY()));
		}
	}

	/** Transforms {@code geometry} in place from this CRS to Lambert 72. */
	Geometry toLambert72(Geometry geometry) {
		if (this != LAMBERT_72) {
			geometry.apply(new Transform(transform(this, LAMBERT_72)));
			geometry.geometryChanged();
		}
		geometry.setSRID(ParcelMap.SRID);
		return geometry;
	}

	/** A new transform (proj4j transforms keep state: one per thread); the parsed CRS definitions are cached. */
	static CoordinateTransform transform(Crs from, Crs to) {
		return new CoordinateTransformFactory().createTransform(from.definition(), to.definition());
	}

	private CoordinateReferenceSystem definition() {
		return DEFINITIONS.computeIfAbsent(this, crs -> FACTORY.createFromName("EPSG:" + crs.epsg));
	}

	private static final java.util.Map<Crs, CoordinateReferenceSystem> DEFINITIONS = new java.util.concurrent.ConcurrentHashMap<>();

	/** Applies a proj4j transform to every coordinate (one transform per call: proj4j transforms are not shared). */
	static final class Transform implements CoordinateSequenceFilter {

		private final CoordinateTransform transform;

		private final ProjCoordinate in = new ProjCoordinate();

		private final ProjCoordinate out = new ProjCoordinate();

		Transform(CoordinateTransform transform) {
			this.transform = transform;
		}

		@Override
		public void filter(CoordinateSequence sequence, int i) {
			in.x = sequence.getX(i);
			in.y = sequence.getY(i);
			transform.transform(in, out);
			sequence.setOrdinate(i, 0, out.x);
			sequence.setOrdinate(i, 1, out.y);
		}

		@Override
		public boolean isDone() {
			return false;
		}

		@Override
		public boolean isGeometryChanged() {
			return true;
		}

	}

}
