package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * One version of the parcel map: parcels by CaPaKey, with a JTS {@link STRtree} for point and area queries and an
 * index by radical for parcels that were split since a document named them. Immutable and safe to share between
 * threads once built.
 */
public final class ParcelMap {

	/** Lambert 72 */
	public static final int SRID = 31370;

	public static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), SRID);

	private final String version;

	private final Map<CaPaKey, Parcel> parcels;

	private final Map<CaPaKey.RadicalKey, List<Parcel>> byRadical;

	private final STRtree index;

	private final RepairReport report;

	private ParcelMap(String version, Map<CaPaKey, Parcel> parcels, RepairReport report) {
		this.version = version;
		this.parcels = Collections.unmodifiableMap(parcels);
		this.report = report;
		Map<CaPaKey.RadicalKey, List<Parcel>> radicals = new HashMap<>();
		STRtree tree = new STRtree();
		for (Parcel parcel : parcels.values()) {
			radicals.computeIfAbsent(parcel.key().radicalKey(), k -> new ArrayList<>(2)).add(parcel);
			tree.insert(parcel.geometry().getEnvelopeInternal(), parcel);
		}
		tree.build();
		this.byRadical = radicals;
		this.index = tree;
	}

	/**
	 * Checks and indexes the features of a parcel file. Invalid geometries are repaired with JTS
	 * {@link GeometryFixer}; features without a valid CaPaKey or without area after repair are rejected; two
	 * features with one CaPaKey (a parcel in pieces) are united. All of it is in {@link #report()}.
	 */
	public static ParcelMap build(String version, Collection<ParcelFeature> features) {
		Map<CaPaKey, Parcel> parcels = new LinkedHashMap<>();
		List<RepairReport.Repair> repaired = new ArrayList<>();
		List<RepairReport.Rejected> rejected = new ArrayList<>();
		for (ParcelFeature feature : features) {
			Optional<CaPaKey> key = CaPaKey.tryParse(feature.capakey());
			if (key.isEmpty()) {
				rejected.add(new RepairReport.Rejected(feature.source(), feature.capakey(),
						feature.capakey() == null || feature.capakey().isBlank() ? "no CaPaKey"
								: "CaPaKey does not match DDDDDSRRRR/BBEPPP"));
				continue;
			}
			Geometry geometry = feature.geometry();
			if (geometry == null || geometry.isEmpty()) {
				rejected.add(new RepairReport.Rejected(feature.source(), feature.capakey(), "empty geometry"));
				continue;
			}
			TopologyValidationError error = new IsValidOp(geometry).getValidationError();
			if (error != null) {
				Geometry fixed = GeometryFixer.fix(geometry);
				geometry = polygonal(fixed);
				repaired.add(new RepairReport.Repair(feature.source(), feature.capakey(), error.toString(),
						geometry.isEmpty() ? "no area left" : "GeometryFixer: area " + round(feature.geometry().getArea())
								+ " -> " + round(geometry.getArea()) + " m2"));
			}
			else if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
				Geometry areal = polygonal(geometry);
				repaired.add(new RepairReport.Repair(feature.source(), feature.capakey(), geometry.getGeometryType(),
						"kept only the polygons"));
				geometry = areal;
			}
			if (geometry.isEmpty() || geometry.getArea() <= 0) {
				rejected.add(new RepairReport.Rejected(feature.source(), feature.capakey(),
						"no polygon area (" + feature.geometry().getGeometryType() + ")"));
				continue;
			}
			geometry.setSRID(SRID);
			Parcel previous = parcels.get(key.get());
			if (previous != null) {
				Geometry united = polygonal(previous.geometry().union(geometry));
				united.setSRID(SRID);
				repaired.add(new RepairReport.Repair(feature.source(), feature.capakey(), "CaPaKey occurs twice",
						"united with the earlier feature"));
				geometry = united;
			}
			parcels.put(key.get(), new Parcel(key.get(), geometry));
		}
		return new ParcelMap(version, parcels, new RepairReport(repaired, rejected));
	}

	/** Parcels known to be valid already (a generated map, a benchmark); still indexed, not checked. */
	public static ParcelMap ofValid(String version, Collection<Parcel> parcels) {
		Map<CaPaKey, Parcel> map = new LinkedHashMap<>();
		for (Parcel parcel : parcels) {
			map.put(parcel.key(), parcel);
		}
		return new ParcelMap(version, map, new RepairReport(List.of(), List.of()));
	}

	private static Geometry polygonal(Geometry geometry) {
		@SuppressWarnings("unchecked")
		List<Polygon> polygons = PolygonExtracter.getPolygons(geometry);
		if (polygons.size() == 1) {
			return polygons.get(0);
		}
		return GEOMETRIES.createMultiPolygon(polygons.toArray(Polygon[]::new));
	}

	private static String round(double area) {
		return String.format(java.util.Locale.ROOT, "%.2f", area);
	}

	public String version() {
		return version;
	}

	public int size() {
		return parcels.size();
	}

	public RepairReport report() {
		return report;
	}

	public Collection<Parcel> parcels() {
		return parcels.values();
	}

	public boolean contains(CaPaKey key) {
		return parcels.containsKey(key);
	}

	public Optional<Parcel> parcel(CaPaKey key) {
		return Optional.ofNullable(parcels.get(key));
	}

	/** The parcel that covers a point (on a shared boundary: the first found). */
	public Optional<Parcel> containing(double x, double y) {
		Point point = GEOMETRIES.createPoint(new Coordinate(x, y));
		@SuppressWarnings("unchecked")
		List<Parcel> candidates = index.query(new Envelope(x, x, y, y));
		for (Parcel candidate : candidates) {
			if (candidate.geometry().covers(point)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/** The parcels whose bounding box meets {@code envelope}. */
	@SuppressWarnings("unchecked")
	public List<Parcel> near(Envelope envelope) {
		return index.query(envelope);
	}

	/** The parcels that intersect {@code area} in more than a line or a point. */
	public List<Parcel> overlapping(Geometry area) {
		List<Parcel> found = new ArrayList<>();
		for (Parcel candidate : near(area.getEnvelopeInternal())) {
			if (candidate.geometry().relate(area, "2********")) {
				found.add(candidate);
			}
		}
		return found;
	}

	/** Today's parcels with the radical of {@code key}, in its division and section ("123C" -> 123D, 123E...). */
	public List<Parcel> byRadical(CaPaKey.RadicalKey radical) {
		return byRadical.getOrDefault(radical, List.of());
	}

	/** The union of the parcels on this map with these keys; keys not on the map are left out. */
	public Optional<Geometry> union(Collection<CaPaKey> keys) {
		List<Geometry> geometries = new ArrayList<>();
		for (CaPaKey key : keys) {
			Parcel parcel = parcels.get(key);
			if (parcel != null) {
				geometries.add(parcel.geometry());
			}
		}
		return unite(geometries);
	}

	/** The union of geometries as a Polygon or MultiPolygon in Lambert 72. */
	public static Optional<Geometry> unite(Collection<Geometry> geometries) {
		if (geometries.isEmpty()) {
			return Optional.empty();
		}
		Geometry union = geometries.size() == 1 ? geometries.iterator().next().copy()
				: UnaryUnionOp.union(geometries, GEOMETRIES);
		union = polygonal(union);
		union.setSRID(SRID);
		return Optional.of(union);
	}

}
