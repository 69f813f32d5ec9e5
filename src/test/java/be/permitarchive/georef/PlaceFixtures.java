package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;
import be.permitarchive.dossier.Division;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * A small fictional municipality as reference data, for tests of the dictionary behaviour: Lindeveld (NIS 99990)
 * with three divisions, the third the former municipality Broekhove. Parcels are 10 m wide lots, 30 m deep, side by
 * side along their street; each address point stands 8 m behind the frontage of its lot.
 * <ul>
 * <li>"Steenweg op Heikant", division 1 section A: numbers 150 to 160 on lots 150A, 151, 152A, 152B, 153 ... (even
 * numbers on the south side, odd on the north); 154 has a box 1 and 2 besides the address without box.</li>
 * <li>"Kerkstraat", division 2 section B: numbers 1 to 9 on lots 12C, 12D (two lots of one radical: an exponent slip
 * between them is ambiguous), 13, 14F, 15/02G, 16 ...</li>
 * <li>"Pastoor Vermeulenstraat", division 3 (Broekhove) section B: numbers 2 to 10 on lots 105A, 106R, 107, 108, 109;
 * the street was called "Statiestraat" before the mergers (not in the register).</li>
 * <li>Division 2 section B also has a parcel 106R, so "sectie B nr. 106R" alone does not say its division.</li>
 * </ul>
 * The previous map version had 14E, since split into 14F (map history).
 */
public final class PlaceFixtures {

	public static final String NIS = "99990";

	public static final Division FIRST = new Division("99991", "LINDEVELD 1 AFD", NIS, 1);

	public static final Division SECOND = new Division("99992", "LINDEVELD 2 AFD", NIS, 2);

	public static final Division BROEKHOVE = new Division("99993", "LINDEVELD 3 AFD/BROEKHOVE/", NIS, 3);

	public static final Divisions DIVISIONS = new Divisions(List.of(FIRST, SECOND, BROEKHOVE));

	private static final double LOT_WIDTH = 10;

	private static final double LOT_DEPTH = 30;

	private static final double POINT_BEHIND_FRONTAGE = 8;

	private PlaceFixtures() {
	}

	/** The reference data of Lindeveld, with the history of the split of 14E. */
	public static Gazetteer gazetteer() {
		List<Parcel> parcels = new ArrayList<>();
		List<Address> addresses = new ArrayList<>();
		street(parcels, addresses, "Steenweg op Heikant", "2894", 0, new String[][] { { "99991A0150/00A000", "150" },
				{ "99991A0151/00_000", "151" }, { "99991A0152/00A000", "152" }, { "99991A0152/00B000", "153" },
				{ "99991A0153/00_000", "154" }, { "99991A0154/00_000", "155" }, { "99991A0155/00_000", "156" },
				{ "99991A0156/00_000", "157" }, { "99991A0157/00_000", "158" }, { "99991A0158/00_000", "159" },
				{ "99991A0159/00_000", "160" } });
		addresses.add(address("L-154-1", "Steenweg op Heikant", "154", "1", "2894", point(parcels, "99991A0153/00_000")));
		addresses.add(address("L-154-2", "Steenweg op Heikant", "154", "2", "2894", point(parcels, "99991A0153/00_000")));
		street(parcels, addresses, "Kerkstraat", "2894", 1000, new String[][] { { "99992B0012/00C000", "1" },
				{ "99992B0012/00D000", "3" }, { "99992B0013/00_000", "5" }, { "99992B0014/00F000", "7" },
				{ "99992B0015/02G000", "9" }, { "99992B0106/00R000", "11" } });
		street(parcels, addresses, "Pastoor Vermeulenstraat", "2895", 2000, new String[][] {
				{ "99993B0105/00A000", "2" }, { "99993B0106/00R000", "4" }, { "99993B0107/00_000", "6" },
				{ "99993B0108/00_000", "8" }, { "99993B0109/00_000", "10" } });
		ParcelMap map = ParcelMap.ofValid("lindeveld-2", parcels);
		MapHistory history = new MapHistory(java.util.Map.of(CaPaKey.parse("99992B0014/00E000"),
				List.of(CaPaKey.parse("99992B0014/00F000"))));
		return new Gazetteer(DIVISIONS, map, history, new AddressRegister(addresses));
	}

	/** Lots side by side from {@code x0} eastwards, one per {capakey, house number}. */
	private static void street(List<Parcel> parcels, List<Address> addresses, String street, String postcode, double x0,
			String[][] lots) {
		for (int i = 0; i < lots.length; i++) {
			double x = x0 + i * LOT_WIDTH;
			Polygon lot = ParcelMap.GEOMETRIES.createPolygon(new Coordinate[] { new Coordinate(x, 0),
					new Coordinate(x + LOT_WIDTH, 0), new Coordinate(x + LOT_WIDTH, LOT_DEPTH), new Coordinate(x, LOT_DEPTH),
					new Coordinate(x, 0) });
			CaPaKey key = CaPaKey.parse(lots[i][0]);
			parcels.add(new Parcel(key, lot));
			addresses.add(address("L-" + street.charAt(0) + lots[i][1], street, lots[i][1], null, postcode,
					new double[] { x + LOT_WIDTH / 2, POINT_BEHIND_FRONTAGE }));
		}
	}

	private static double[] point(List<Parcel> parcels, String capakey) {
		Parcel parcel = parcels.stream().filter(p -> p.key().toString().equals(capakey)).findFirst().orElseThrow();
		Coordinate c = parcel.geometry().getCentroid().getCoordinate();
		return new double[] { c.x, c.y };
	}

	private static Address address(String id, String street, String number, String box, String postcode, double[] xy) {
		return new Address(id, street, number, box, postcode, "Lindeveld", NIS, xy[0], xy[1]);
	}

}
