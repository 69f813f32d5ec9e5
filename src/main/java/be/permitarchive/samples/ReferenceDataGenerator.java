package be.permitarchive.samples;

import be.permitarchive.dossier.CaPaKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the reference data of the fictional municipality Zandhoveke from the sample ground truth: a parcel map
 * ({@code parcels.geojson}, Lambert 72) on which every ground-truth CaPaKey lies on the street of its dossier's
 * address, with neighbours; {@code divisions.csv}; {@code addresses.csv} with every ground-truth address inside its
 * parcel and other addresses on the same streets; {@code street_aliases.csv}. A second map version
 * ({@code reference-v2/}) splits, merges and redraws parcels of three dossiers and splits one parcel no dossier names.
 * Deterministic for one seed.
 *
 * <pre>
 * java -cp ... be.permitarchive.samples.ReferenceDataGenerator --samples sample-scans [--seed 1977]
 * </pre>
 */
public final class ReferenceDataGenerator {

	static final String NIS = "31998";

	static final String MUNICIPALITY = "Zandhoveke";

	static final String POSTCODE = "2999";

	static final String DIVISION_1 = "31997";

	static final String DIVISION_2 = "31999";

	/** Somewhere plausible in the Kempen, in Lambert 72. */
	private static final double ORIGIN_X = 171_200;

	private static final double ORIGIN_Y = 209_800;

	private static final double STRIP_SPACING = 160;

	private static final double HALF_STREET = 6;

	/** Streets no ground-truth dossier names, for address matching (abbreviations, near-homonyms, an old name). */
	private static final List<String[]> EXTRA_STREETS = List.of(new String[] { "Antwerpsesteenweg", DIVISION_1, "E" },
			new String[] { "Sint-Jozefstraat", DIVISION_1, "F" }, new String[] { "Kerkweg", DIVISION_2, "E" },
			new String[] { "Onze-Lieve-Vrouwstraat", DIVISION_2, "F" }, new String[] { "Statiestraat", DIVISION_2, "G" },
			new String[] { "Molenweg", DIVISION_1, "G" });

	private static final String ALIASES = "alias,street,nis_code\nStationsstraat,Statiestraat," + NIS + "\n";

	private static final GeometryFactory GEOMETRIES = new GeometryFactory();

	private static final String EXPONENTS = "ABCDEFGHKLMNPRSTVW";

	/** A lot on the map: its key, geometry, street, house number and the address point. */
	record Lot(String capakey, Polygon geometry, String street, int number, double x, double y) {
	}

	/** A ground-truth dossier reduced to what the map needs. */
	record Dossier(String folder, String street, int number, String box, List<String> capakeys) {
	}

	private final Random random;

	private final List<Lot> lots = new ArrayList<>();

	private final Map<String, Set<Integer>> radicalsUsed = new LinkedHashMap<>();

	private final Map<String, String> boxes = new LinkedHashMap<>();

	private ReferenceDataGenerator(long seed) {
		this.random = new Random(seed);
	}

	public static void main(String[] args) throws IOException {
		Path samples = Path.of("sample-scans");
		long seed = 1977;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--samples" -> samples = Path.of(args[++i]);
				case "--seed" -> seed = Long.parseLong(args[++i]);
				default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --samples DIR --seed N");
			}
		}
		generate(samples.resolve("ground-truth"), samples.resolve("reference"), samples.resolve("reference-v2"), seed);
	}

	/** Reads the ground truth and writes both map versions. */
	public static void generate(Path groundTruth, Path out, Path outV2, long seed) throws IOException {
		ReferenceDataGenerator generator = new ReferenceDataGenerator(seed);
		List<Dossier> dossiers = readGroundTruth(groundTruth);
		generator.layOut(dossiers);
		generator.write(out, generator.lots, "1");
		generator.write(outV2, generator.version2(dossiers), "2");
	}

	static List<Dossier> readGroundTruth(Path folder) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<Dossier> dossiers = new ArrayList<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode root = json.readTree(file.toFile());
				List<String> keys = new ArrayList<>();
				for (JsonNode parcel : root.path("parcels")) {
					keys.add(parcel.path("capakey").asString());
				}
				JsonNode address = root.path("addresses").path(0);
				String street = address.isMissingNode() ? "Akkerweg" : address.path("street").asString();
				int number = address.isMissingNode() ? 1 : leadingNumber(address.path("houseNumber").asString("1"));
				String box = address.path("boxNumber").isString() ? address.path("boxNumber").asString() : null;
				dossiers.add(new Dossier(root.path("folder").asString(), street, number, box, keys));
			}
		}
		return dossiers;
	}

	private static int leadingNumber(String houseNumber) {
		String digits = houseNumber.replaceAll("^(\\d+).*$", "$1");
		return digits.isEmpty() ? 1 : Integer.parseInt(digits);
	}

	private void layOut(List<Dossier> dossiers) {
		Map<String, List<Dossier>> byStreet = new LinkedHashMap<>();
		for (Dossier dossier : dossiers) {
			byStreet.computeIfAbsent(dossier.street(), s -> new ArrayList<>()).add(dossier);
			for (String key : dossier.capakeys()) {
				radicalsUsed.computeIfAbsent(key.substring(0, 6), k -> new TreeSet<>())
					.add(Integer.parseInt(key.substring(6, 10)));
			}
		}
		int strip = 0;
		Set<String> placed = new HashSet<>();
		for (Map.Entry<String, List<Dossier>> street : byStreet.entrySet()) {
			layOutStreet(street.getKey(), street.getValue(), strip++, placed);
		}
		for (String[] extra : EXTRA_STREETS) {
			layOutExtraStreet(extra[0], extra[1] + extra[2], strip++);
		}
	}

	/** One street: the dossiers' lots at their house numbers, neighbours around them, odd north and even south. */
	private void layOutStreet(String street, List<Dossier> dossiers, int strip, Set<String> placed) {
		for (int side = 0; side < 2; side++) {
			int parity = side == 0 ? 1 : 0;
			Map<Integer, String> keyAt = new java.util.TreeMap<>();
			Map<Integer, String> familyAt = new java.util.TreeMap<>();
			for (Dossier dossier : dossiers) {
				if (dossier.number() % 2 != parity || dossier.capakeys().isEmpty()) {
					continue;
				}
				int number = dossier.number();
				for (String key : dossier.capakeys()) {
					if (placed.add(key)) {
						keyAt.put(number, key);
						number += 2;
					}
				}
				if (dossier.box() != null) {
					boxes.put(street + " " + dossier.number(), dossier.box());
				}
				String family = dossier.capakeys().get(0).substring(0, 6);
				for (int n = dossier.number() - 6; n <= number + 4; n += 2) {
					if (n >= 1) {
						familyAt.putIfAbsent(n, family);
					}
				}
			}
			if (familyAt.isEmpty()) {
				String family = dossiers.get(0).capakeys().isEmpty() ? DIVISION_1 + "H"
						: dossiers.get(0).capakeys().get(0).substring(0, 6);
				for (int n = 1 + (1 - parity); n <= 11; n += 2) {
					familyAt.put(n, family);
				}
			}
			double x = ORIGIN_X;
			for (Map.Entry<Integer, String> at : familyAt.entrySet()) {
				String key = keyAt.getOrDefault(at.getKey(), null);
				if (key == null) {
					key = fillerKey(at.getValue());
				}
				x = addLot(key, street, at.getKey(), strip, side, x);
			}
		}
	}

	private void layOutExtraStreet(String street, String family, int strip) {
		for (int side = 0; side < 2; side++) {
			double x = ORIGIN_X;
			for (int n = 1 + side; n <= 24; n += 2) {
				x = addLot(fillerKey(family), street, n, strip, side, x);
			}
		}
	}

	/** Adds a lot west to east from {@code x}; returns where the next lot starts. */
	private double addLot(String key, String street, int number, int strip, int side, double x) {
		double width = 12 + random.nextInt(13) + random.nextInt(100) / 100.0;
		double depth = 38 + random.nextInt(18);
		double streetY = ORIGIN_Y - strip * STRIP_SPACING;
		double front = side == 0 ? streetY + HALF_STREET : streetY - HALF_STREET;
		double back = side == 0 ? front + depth : front - depth;
		Polygon lot = rectangle(x, Math.min(front, back), x + width, Math.max(front, back));
		double pointY = side == 0 ? front + 8 : front - 8;
		lots.add(new Lot(key, lot, street, number, round(x + width / 2), round(pointY)));
		return x + width;
	}

	/** A key in division+section {@code family} whose radical no dossier uses and no other lot has. */
	private String fillerKey(String family) {
		Set<Integer> used = radicalsUsed.computeIfAbsent(family, k -> new TreeSet<>());
		int radical;
		do {
			radical = 10 + random.nextInt(880);
		}
		while (used.contains(radical) || used.contains(radical - 1) && used.contains(radical + 1));
		used.add(radical);
		char exponent = EXPONENTS.charAt(random.nextInt(EXPONENTS.length()));
		return String.format(Locale.ROOT, "%s%04d/00%c000", family, radical, exponent);
	}

	/**
	 * The second map version: the parcel of dossier 1 split in two (123C -> 123D, 123E), the two parcels of dossier 2
	 * merged (95G + 96S -> 96T), the parcel of dossier 3 redrawn 3 m deeper, and one parcel that no dossier names
	 * split.
	 */
	private List<Lot> version2(List<Dossier> dossiers) {
		Set<String> named = new HashSet<>();
		dossiers.forEach(d -> named.addAll(d.capakeys()));
		String split = dossiers.get(0).capakeys().get(0);
		List<String> merged = dossiers.size() > 1 ? dossiers.get(1).capakeys() : List.of();
		String redrawn = dossiers.size() > 2 ? dossiers.get(2).capakeys().get(0) : null;
		String unnamed = lots.stream().map(Lot::capakey).filter(k -> !named.contains(k)).findFirst().orElseThrow();
		List<Lot> v2 = new ArrayList<>();
		Lot mergedLot = null;
		for (Lot lot : lots) {
			if (lot.capakey().equals(split) || lot.capakey().equals(unnamed)) {
				v2.addAll(splitLot(lot));
			}
			else if (merged.size() > 1 && merged.contains(lot.capakey())) {
				mergedLot = mergedLot == null ? lot
						: new Lot(successor(merged.get(merged.size() - 1), 1), (Polygon) GEOMETRIES
							.createGeometryCollection(new Geometry[] { mergedLot.geometry(), lot.geometry() })
							.union()
							.getGeometryN(0), lot.street(), mergedLot.number(), mergedLot.x(), mergedLot.y());
				if (lot.capakey().equals(merged.get(merged.size() - 1))) {
					v2.add(mergedLot);
				}
			}
			else if (lot.capakey().equals(redrawn)) {
				var e = lot.geometry().getEnvelopeInternal();
				boolean north = lot.y() > e.getMinY() && lot.y() - e.getMinY() < 10;
				Polygon deeper = north ? rectangle(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY() + 3)
						: rectangle(e.getMinX(), e.getMinY() - 3, e.getMaxX(), e.getMaxY());
				v2.add(new Lot(lot.capakey(), deeper, lot.street(), lot.number(), lot.x(), lot.y()));
			}
			else {
				v2.add(lot);
			}
		}
		return v2;
	}

	private static List<Lot> splitLot(Lot lot) {
		var e = lot.geometry().getEnvelopeInternal();
		double middle = round(e.getMinX() + e.getWidth() / 2);
		Lot west = new Lot(successor(lot.capakey(), 1), rectangle(e.getMinX(), e.getMinY(), middle, e.getMaxY()),
				lot.street(), lot.number(), lot.x(), lot.y());
		Lot east = new Lot(successor(lot.capakey(), 2), rectangle(middle, e.getMinY(), e.getMaxX(), e.getMaxY()),
				lot.street(), lot.number(), lot.x(), lot.y());
		return List.of(west, east);
	}

	/** The key with the exponent letter {@code step} letters later: 123C -> 123D (1), 123E (2). */
	private static String successor(String capakey, int step) {
		char exponent = capakey.charAt(13);
		char next = exponent == '_' ? (char) ('A' + step - 1) : (char) (exponent + step);
		return capakey.substring(0, 13) + next + capakey.substring(14);
	}

	private static Polygon rectangle(double x1, double y1, double x2, double y2) {
		double a = round(x1), b = round(y1), c = round(x2), d = round(y2);
		return GEOMETRIES.createPolygon(new Coordinate[] { new Coordinate(a, b), new Coordinate(c, b),
				new Coordinate(c, d), new Coordinate(a, d), new Coordinate(a, b) });
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private void write(Path folder, List<Lot> parcels, String version) throws IOException {
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("parcels.geojson"), geoJson(parcels), StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("divisions.csv"), "division_code,name,municipality_nis,ordinal\n" + DIVISION_1
				+ ",\"ZANDHOVEKE 1 AFD\"," + NIS + ",1\n" + DIVISION_2 + ",\"ZANDHOVEKE 2 AFD\"," + NIS + ",2\n",
				StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("addresses.csv"), addresses(), StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("street_aliases.csv"), ALIASES, StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("README.md"), readme(version), StandardCharsets.UTF_8);
	}

	private static String geoJson(List<Lot> parcels) {
		StringBuilder out = new StringBuilder();
		out.append("{\n\"type\": \"FeatureCollection\",\n\"name\": \"parcels\",\n");
		out.append("\"crs\": { \"type\": \"name\", \"properties\": { \"name\": \"urn:ogc:def:crs:EPSG::31370\" } },\n");
		out.append("\"features\": [\n");
		List<Lot> sorted = parcels.stream().sorted(Comparator.comparing(Lot::capakey)).toList();
		for (int i = 0; i < sorted.size(); i++) {
			Lot lot = sorted.get(i);
			out.append("{ \"type\": \"Feature\", \"properties\": { \"CAPAKEY\": \"").append(lot.capakey());
			out.append("\" }, \"geometry\": { \"type\": \"MultiPolygon\", \"coordinates\": [ [ [ ");
			Coordinate[] ring = lot.geometry().getExteriorRing().getCoordinates();
			for (int c = 0; c < ring.length; c++) {
				out.append(c == 0 ? "" : ", ")
					.append(String.format(Locale.ROOT, "[ %.2f, %.2f ]", ring[c].x, ring[c].y));
			}
			out.append(" ] ] ] } }").append(i < sorted.size() - 1 ? ",\n" : "\n");
		}
		out.append("]\n}\n");
		return out.toString();
	}

	private String addresses() {
		StringBuilder out = new StringBuilder("address_id,street,house_number,box_number,postcode,municipality,"
				+ "nis_code,x,y\n");
		int id = 1;
		List<Lot> ordered = lots.stream()
			.sorted(Comparator.comparing(Lot::street).thenComparingInt(Lot::number))
			.toList();
		for (Lot lot : ordered) {
			String box = boxes.get(lot.street() + " " + lot.number());
			int boxCount = box == null ? 0 : Math.max(2, Integer.parseInt(box.replaceAll("\\D", "0")));
			for (int b = boxCount == 0 ? 0 : 1; b <= boxCount; b++) {
				out.append(String.format(Locale.ROOT, "ZH-%05d,%s,%d,%s,%s,%s,%s,%.2f,%.2f%n", id++, lot.street(),
						lot.number(), b == 0 ? "" : String.valueOf(b), POSTCODE, MUNICIPALITY, NIS, lot.x(), lot.y()));
			}
		}
		return out.toString();
	}

	private static String readme(String version) {
		return """
				# Reference data for the fictional municipality Zandhoveke (map version %s)

				Made by `be.permitarchive.samples.ReferenceDataGenerator` from `../ground-truth/*.json` (seed 1977).
				Everything here is **fictional and generated**: streets, parcels, addresses and CaPaKeys of Zandhoveke
				(NIS 31998; cadastral divisions 31997 ZANDHOVEKE 1 AFD and 31999 ZANDHOVEKE 2 AFD; postcode 2999).
				Any likeness to real parcels is chance. Licence: **CC0 1.0** (public domain dedication).

				| file | what |
				|---|---|
				| `parcels.geojson` | the parcel map: one MultiPolygon per parcel, Lambert 72 (EPSG:31370, named in `crs`), key in `CAPAKEY`; rectangular lots along streets 12 m wide, odd numbers north, even south |
				| `divisions.csv` | `division_code,name,municipality_nis,ordinal` |
				| `addresses.csv` | `address_id,street,house_number,box_number,postcode,municipality,nis_code,x,y` (x, y Lambert 72, 8 m behind the frontage of the lot) |
				| `street_aliases.csv` | `alias,street,nis_code`: old street names documents may still use |

				Every CaPaKey of the ground truth is on the map, on the street of its dossier's first address, and that
				address lies inside the dossier's first parcel. Neighbouring lots get keys whose radicals no dossier uses.

				`../reference-v2/` is the next map version: the parcel of 0001 (31999B0123/00C000) is split into 123D and
				123E, the two parcels of 0002 (95G, 96S in 31997 A) are merged into 96T, the parcel of 0003 (457X2) is
				redrawn 3 m deeper, and one parcel that no dossier names is split. Addresses and divisions are unchanged.

				Regenerate (from the project root):

				    mvn -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
				    java -cp target/classes:$(cat target/cp.txt) be.permitarchive.samples.ReferenceDataGenerator --samples sample-scans
				""".formatted(version);
	}

}
