package be.permitarchive.georef.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import be.permitarchive.dossier.CaPaKey;
import be.permitarchive.georef.MissingCaPaKeyAttributeException;
import be.permitarchive.georef.Parcel;
import be.permitarchive.georef.ParcelFeature;
import be.permitarchive.georef.ParcelMap;
import be.permitarchive.georef.UnknownCrsException;

/** The parcel-map readers on the real GRB Adp sample near Leuven (408 parcels, key in {@code ref_identifier}). */
class ParcelFileReaderTest {

	static final Path GRB_SAMPLE = Path.of("src/test/resources/grb/grb-adp-sample.geojson");

	static ParcelMap grbSample() {
		return ParcelMap.build("grb-sample", new GeoJsonParcelReader("ref_identifier").read(GRB_SAMPLE));
	}

	@Nested
	class RealGrbSample {

		final ParcelMap map = grbSample();

		@Test
		void loadsEveryParcelAndEveryKeyParses() {
			// given the sample / when loaded / then
			assertThat(map.size()).isEqualTo(408);
			assertThat(map.report().rejected()).isEmpty();
			assertThat(map.parcels()).allSatisfy(p -> assertThat(CaPaKey.PATTERN.matcher(p.key().toString()))
				.matches());
			assertThat(map.parcels()).allSatisfy(p -> assertThat(p.geometry().isValid()).isTrue());
		}

		@Test
		void findsTheParcelContainingAnInteriorPoint() {
			// given
			List<Parcel> parcels = List.copyOf(map.parcels());

			// when / then
			for (Parcel parcel : parcels) {
				Point inside = parcel.geometry().getInteriorPoint();
				assertThat(map.containing(inside.getX(), inside.getY())).map(Parcel::key).contains(parcel.key());
			}
		}

		@Test
		void unitesNeighbouringParcels() {
			// given: a parcel and the ones touching it
			Parcel first = map.parcels().iterator().next();
			List<CaPaKey> neighbours = map.near(first.geometry().getEnvelopeInternal())
				.stream()
				.filter(p -> p.geometry().intersects(first.geometry()))
				.map(Parcel::key)
				.toList();

			// when
			Geometry union = map.union(neighbours).orElseThrow();

			// then
			double sum = neighbours.stream().mapToDouble(k -> map.parcel(k).get().area()).sum();
			assertThat(neighbours.size()).isGreaterThan(1);
			assertThat(union.isValid()).isTrue();
			assertThat(union.getArea()).isCloseTo(sum, org.assertj.core.data.Percentage.withPercentage(0.5));
			assertThat(union.getSRID()).isEqualTo(31370);
		}

	}

	@Nested
	class CoordinateSystems {

		@Test
		void aLambert2008FileLoadsBackWithinCentimetres(@TempDir Path dir) throws IOException {
			// given: the sample transformed to EPSG:3812 with proj4j
			List<ParcelFeature> lambert72 = new GeoJsonParcelReader("ref_identifier").read(GRB_SAMPLE);
			Path file = dir.resolve("parcels.geojson");
			writeGeoJson(file, "urn:ogc:def:crs:EPSG::3812", lambert72, true);

			// when
			List<ParcelFeature> back = new GeoJsonParcelReader("ref_identifier").read(file);

			// then
			assertThat(back).hasSize(408);
			for (int i = 0; i < back.size(); i++) {
				Coordinate[] expected = lambert72.get(i).geometry().getCoordinates();
				Coordinate[] actual = back.get(i).geometry().getCoordinates();
				for (int c = 0; c < expected.length; c++) {
					assertThat(actual[c].distance(expected[c])).isLessThan(0.03);
				}
			}
			assertThat(back.get(0).geometry().getCoordinate().x).isBetween(150_000.0, 200_000.0);
		}

		@Test
		void refusesAnUnknownCrsNamingTheAcceptedOnes(@TempDir Path dir) throws IOException {
			// given
			Path file = dir.resolve("parcels.geojson");
			writeGeoJson(file, "urn:ogc:def:crs:EPSG::4326", new GeoJsonParcelReader("ref_identifier")
				.read(GRB_SAMPLE)
				.subList(0, 2), false);

			// when / then
			assertThatThrownBy(() -> new GeoJsonParcelReader("ref_identifier").read(file))
				.isInstanceOf(UnknownCrsException.class)
				.hasMessageContaining("EPSG::4326")
				.hasMessageContaining("EPSG:31370")
				.hasMessageContaining("EPSG:3812");
		}

		@Test
		void refusesAFileWithoutCrs(@TempDir Path dir) throws IOException {
			// given
			Path file = dir.resolve("parcels.geojson");
			Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[]}");

			// when / then
			assertThatThrownBy(() -> new GeoJsonParcelReader("CAPAKEY").read(file))
				.isInstanceOf(UnknownCrsException.class)
				.hasMessageContaining("RFC 7946");
		}

		@Test
		void refusesCoordinatesThatDoNotFitTheNamedCrs(@TempDir Path dir) throws IOException {
			// given: Lambert 72 coordinates declared as Lambert 2008
			Path file = dir.resolve("parcels.geojson");
			writeGeoJson(file, "EPSG:3812", new GeoJsonParcelReader("ref_identifier").read(GRB_SAMPLE).subList(0, 2),
					false);

			// when / then
			assertThatThrownBy(() -> new GeoJsonParcelReader("ref_identifier").read(file))
				.isInstanceOf(UnknownCrsException.class)
				.hasMessageContaining("not in that system");
		}

	}

	@Nested
	class CaPaKeyAttribute {

		@Test
		void refusesAFileWithoutTheAttributeNamingTheOnesItHas() {
			// given the GRB sample, whose key is in ref_identifier / when read with the default / then
			assertThatThrownBy(() -> new GeoJsonParcelReader("CAPAKEY").read(GRB_SAMPLE))
				.isInstanceOf(MissingCaPaKeyAttributeException.class)
				.hasMessageContaining("'CAPAKEY'")
				.hasMessageContaining("[id, ref_identifier]");
		}

	}

	@Nested
	class Repair {

		@Test
		void repairsABowTieAndRejectsABadKeyWithoutDroppingSilently() {
			// given
			Geometry bowTie = ParcelMap.GEOMETRIES.createPolygon(new Coordinate[] { new Coordinate(0, 0),
					new Coordinate(10, 10), new Coordinate(10, 0), new Coordinate(0, 10), new Coordinate(0, 0) });
			Geometry square = bowTie.getEnvelope();

			// when
			ParcelMap map = ParcelMap.build("t", List.of(new ParcelFeature("f#0", "11001A0001/00_000", bowTie),
					new ParcelFeature("f#1", "not-a-key", square), new ParcelFeature("f#2", null, square)));

			// then
			assertThat(map.size()).isEqualTo(1);
			assertThat(map.parcel(CaPaKey.parse("11001A0001/00_000")).get().geometry().isValid()).isTrue();
			assertThat(map.report().repaired()).singleElement()
				.satisfies(r -> assertThat(r.problem()).containsIgnoringCase("self-intersection"));
			assertThat(map.report().rejected()).extracting(r -> r.source()).containsExactly("f#1", "f#2");
		}

	}

	@Nested
	class GeoPackage {

		@Test
		void roundTripsThroughTheNgaLibrary(@TempDir Path dir) {
			// given
			ParcelMap map = grbSample();
			Path file = dir.resolve("parcels.gpkg");

			// when
			GeoPackageParcelWriter.write(file, "adp", "CAPAKEY", 31370, map.parcels());
			ParcelMap back = ParcelMap.build("gpkg", new GeoPackageParcelReader("CAPAKEY").read(file));

			// then
			assertThat(back.size()).isEqualTo(408);
			for (Parcel parcel : map.parcels()) {
				assertThat(back.parcel(parcel.key()).get().geometry().equalsExact(parcel.geometry(), 1e-6)).isTrue();
			}
		}

		@Test
		void refusesATableWithoutTheCaPaKeyColumn(@TempDir Path dir) {
			// given
			Path file = dir.resolve("parcels.gpkg");
			GeoPackageParcelWriter.write(file, "adp", "perceel", 31370, List.copyOf(grbSample().parcels()).subList(0, 3));

			// when / then
			assertThatThrownBy(() -> new GeoPackageParcelReader("CAPAKEY").read(file))
				.isInstanceOf(MissingCaPaKeyAttributeException.class)
				.hasMessageContaining("perceel");
		}

		@Test
		void transformsLambert2008(@TempDir Path dir) {
			// given
			ParcelMap map = grbSample();
			List<Parcel> in3812 = map.parcels().stream().limit(20).map(p -> {
				Geometry g = p.geometry().copy();
				g.apply(new Crs.Transform(Crs.transform(Crs.LAMBERT_72, Crs.LAMBERT_2008)));
				g.geometryChanged();
				return new Parcel(p.key(), g);
			}).toList();
			Path file = dir.resolve("parcels.gpkg");
			GeoPackageParcelWriter.write(file, "adp", "CAPAKEY", 3812, in3812);

			// when
			List<ParcelFeature> back = new GeoPackageParcelReader("CAPAKEY").read(file);

			// then
			for (ParcelFeature feature : back) {
				Geometry original = map.parcel(CaPaKey.parse(feature.capakey())).get().geometry();
				assertThat(feature.geometry().getCentroid().distance(original.getCentroid())).isLessThan(0.03);
			}
		}

	}

	/** Writes features as GeoJSON with a crs member, optionally transforming them from Lambert 72 to Lambert 2008. */
	static void writeGeoJson(Path file, String crs, List<ParcelFeature> features, boolean toLambert2008)
			throws IOException {
		GeoJsonWriter writer = new GeoJsonWriter(6);
		writer.setEncodeCRS(false);
		StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
				+ "\"properties\":{\"name\":\"" + crs + "\"}},\"features\":[");
		for (int i = 0; i < features.size(); i++) {
			Geometry g = features.get(i).geometry().copy();
			if (toLambert2008) {
				g.apply(new Crs.Transform(Crs.transform(Crs.LAMBERT_72, Crs.LAMBERT_2008)));
			}
			out.append(i == 0 ? "" : ",")
				.append("{\"type\":\"Feature\",\"properties\":{\"ref_identifier\":\"")
				.append(features.get(i).capakey())
				.append("\"},\"geometry\":")
				.append(writer.write(g))
				.append('}');
		}
		Files.writeString(file, out.append("]}").toString());
	}

}
