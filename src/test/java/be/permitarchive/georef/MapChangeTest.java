package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

class MapChangeTest {

	static Parcel lot(String key, double x1, double y1, double x2, double y2) {
		Polygon p = ParcelMap.GEOMETRIES.createPolygon(new Coordinate[] { new Coordinate(x1, y1),
				new Coordinate(x2, y1), new Coordinate(x2, y2), new Coordinate(x1, y2), new Coordinate(x1, y1) });
		return new Parcel(CaPaKey.parse(key), p);
	}

	static final ParcelMap OLD = ParcelMap.ofValid("1", List.of(lot("11001A0010/00A000", 0, 0, 20, 40),
			lot("11001A0011/00B000", 20, 0, 40, 40), lot("11001A0012/00C000", 40, 0, 60, 40),
			lot("11001A0013/00D000", 60, 0, 80, 40), lot("11001A0014/00_000", 80, 0, 100, 40),
			lot("11001A0015/00_000", 100, 0, 120, 40)));

	static final ParcelMap NEW = ParcelMap.ofValid("2", List.of(lot("11001A0010/00B000", 0, 0, 10, 40),
			lot("11001A0010/00C000", 10, 0, 20, 40), lot("11001A0012/00D000", 20, 0, 60, 40),
			lot("11001A0013/00D000", 60, 0, 80, 45), lot("11001A0014/00_000", 80, 0, 100, 40.05),
			lot("11001A0099/00_000", 200, 0, 220, 40)));

	final MapChange change = MapChange.compare(OLD, NEW, 0.5);

	@Nested
	class Classification {

		@Test
		void tellsSplitMergedRedrawnVanishedAndAdded() {
			// given the maps above / when compared / then
			assertThat(kind("11001A0010/00A000")).isEqualTo(MapChange.Kind.SPLIT);
			assertThat(change.change(CaPaKey.parse("11001A0010/00A000")).get().successors()).extracting(
					CaPaKey::toString).containsExactly("11001A0010/00B000", "11001A0010/00C000");
			assertThat(kind("11001A0011/00B000")).isEqualTo(MapChange.Kind.MERGED);
			assertThat(change.change(CaPaKey.parse("11001A0012/00C000")).get().predecessors()).hasSize(2);
			assertThat(kind("11001A0013/00D000")).isEqualTo(MapChange.Kind.REDRAWN);
			assertThat(change.change(CaPaKey.parse("11001A0014/00_000"))).as("moved 5 cm: within tolerance").isEmpty();
			assertThat(kind("11001A0015/00_000")).isEqualTo(MapChange.Kind.VANISHED);
			assertThat(kind("11001A0099/00_000")).isEqualTo(MapChange.Kind.ADDED);
		}

		private MapChange.Kind kind(String key) {
			return change.change(CaPaKey.parse(key)).orElseThrow().kind();
		}

	}

	@Nested
	class Realigning {

		@Test
		void aDossierOnAVanishedParcelKeepsItsOldPolygonAndIsFlagged() {
			// given
			CaPaKey gone = CaPaKey.parse("11001A0015/00_000");
			MapChange.PlacedDossier dossier = new MapChange.PlacedDossier("d1", Set.of(gone),
					OLD.union(Set.of(gone)).get());

			// when
			MapChange.Realignment realigned = change.realign(dossier).orElseThrow();

			// then
			assertThat(realigned.vanished()).containsExactly(gone);
			assertThat(realigned.newGeometry().getArea()).isEqualTo(800.0);
		}

		@Test
		void aDossierOnASplitParcelGetsBothHalvesAndTheHistoryFollowsThem() {
			// given
			CaPaKey split = CaPaKey.parse("11001A0010/00A000");
			MapChange.PlacedDossier dossier = new MapChange.PlacedDossier("d2", Set.of(split),
					OLD.union(Set.of(split)).get());

			// when
			MapChange.Realignment realigned = change.realign(dossier).orElseThrow();

			// then
			assertThat(realigned.newParcels()).hasSize(2);
			assertThat(realigned.areaDifference()).isZero();
			assertThat(change.history().successorsOn(split, NEW)).hasSize(2);
		}

	}

}
