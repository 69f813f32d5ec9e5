package be.permitarchive.georef;

import be.permitarchive.dossier.Division;

import be.permitarchive.dossier.CaPaKey;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Coordinate;

/**
 * Not a test: georeferences 100,000 dossiers against a 500,000-parcel grid map and prints a table. Run with
 * {@code java -Xmx4g -cp target/test-classes:target/classes:$(cat target/cp.txt) be.permitarchive.georef.GeorefBenchmark}
 * (arguments: parcels, dossiers).
 */
public final class GeorefBenchmark {

	private static final int COLUMNS = 1000;

	public static void main(String[] args) {
		int parcelCount = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
		int dossierCount = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		Random random = new Random(2025);

		long t0 = System.nanoTime();
		List<ParcelFeature> features = new ArrayList<>(parcelCount);
		List<Address> addresses = new ArrayList<>(parcelCount);
		for (int i = 0; i < parcelCount; i++) {
			int row = i / COLUMNS;
			int column = i % COLUMNS;
			double x = 150_000 + column * 20.0;
			double y = 200_000 + row * 50.0;
			features.add(new ParcelFeature("grid#" + i, key(i).toString(), ParcelMap.GEOMETRIES.createPolygon(
					new Coordinate[] { new Coordinate(x, y), new Coordinate(x + 20, y), new Coordinate(x + 20, y + 40),
							new Coordinate(x, y + 40), new Coordinate(x, y) })));
			addresses.add(new Address("A" + i, "Straat " + streetName(row), String.valueOf(column + 1), null, "2999",
					"Benchmark", "99999", x + 10, y + 8));
		}
		long t1 = System.nanoTime();
		ParcelMap map = ParcelMap.build("bench", features);
		long t2 = System.nanoTime();
		AddressRegister register = new AddressRegister(addresses);
		long t3 = System.nanoTime();
		Divisions divisions = new Divisions(IntStream.range(0, 1 + parcelCount / (26 * 4000))
			.mapToObj(d -> new Division(String.valueOf(11001 + d), "BENCH " + (d + 1) + " AFD", "99999", d + 1))
			.toList());
		Georeferencer georeferencer = new Georeferencer(map, divisions, new AddressMatcher(register));
		features = null;

		List<DossierPlaces> dossiers = new ArrayList<>(dossierCount);
		for (int d = 0; d < dossierCount; d++) {
			int i = random.nextInt(parcelCount - 1);
			CaPaKey key = key(i);
			int row = i / COLUMNS;
			WrittenAddress address = new WrittenAddress(ocr("Straat " + streetName(row), random),
					String.valueOf(i % COLUMNS + 1), null, random.nextBoolean() ? "2999" : null, null);
			List<WrittenParcel> parcels = switch (d % 10) {
				case 0 -> List.of();
				case 1, 2 -> List.of(WrittenParcel.of(String.format(Locale.ROOT, "%dde afdeling, sectie %c, nr. %s",
						divisions.byCode(key.division()).get().ordinal(), key.section(), key.writtenNumber())));
				case 3 -> List.of(new WrittenParcel(key, "pair"), new WrittenParcel(key(i + 1), "pair"));
				default -> List.of(new WrittenParcel(key, key.writtenNumber()));
			};
			dossiers.add(new DossierPlaces("D" + d, "99999", parcels, List.of(address)));
		}

		long t4 = System.nanoTime();
		Map<Georeference.Method, Integer> methods = new EnumMap<>(Georeference.Method.class);
		int flagged = 0;
		for (DossierPlaces dossier : dossiers) {
			Georeference georef = georeferencer.georeference(dossier);
			methods.merge(georef.method(), 1, Integer::sum);
			flagged += georef.needsReview() ? 1 : 0;
		}
		long t5 = System.nanoTime();
		long parallelCount = dossiers.parallelStream().map(georeferencer::georeference).filter(g -> g.method() != null).count();
		long t6 = System.nanoTime();

		System.gc();
		Runtime runtime = Runtime.getRuntime();
		long usedMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);

		System.out.println("| measure | value |");
		System.out.println("|---|---|");
		row("parcels on the map", String.valueOf(map.size()));
		row("addresses in the register", String.valueOf(register.size()));
		row("dossiers", String.valueOf(dossierCount));
		row("generate features (s)", seconds(t0, t1));
		row("build ParcelMap: validate + STRtree + radical index (s)", seconds(t1, t2));
		row("build AddressRegister (s)", seconds(t2, t3));
		row("georeference, 1 thread (s)", seconds(t4, t5));
		row("dossiers/s, 1 thread", String.format(Locale.ROOT, "%.0f", dossierCount / ((t5 - t4) / 1e9)));
		row("dossiers/s, " + runtime.availableProcessors() + " threads (parallel stream)",
				String.format(Locale.ROOT, "%.0f", parallelCount / ((t6 - t5) / 1e9)));
		row("methods", methods.toString());
		row("needs review", String.valueOf(flagged));
		row("heap used after GC, map + register + dossiers (MB)", String.valueOf(usedMb));
	}

	private static CaPaKey key(int i) {
		int radical = i % 4000 + 1;
		char section = (char) ('A' + (i / 4000) % 26);
		String division = String.valueOf(11001 + i / (26 * 4000));
		return new CaPaKey(division, section, radical, 0, 'A', 0);
	}

	/** Distinct, pronounceable street names: "Straat Bakedo". */
	private static String streetName(int row) {
		String syllables = "ba ke do mi lu ra se ti vo ne";
		String[] s = syllables.split(" ");
		StringBuilder name = new StringBuilder();
		int n = row;
		do {
			name.append(s[n % 10]);
			n /= 10;
		}
		while (n > 0);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "straat";
	}

	private static String ocr(String street, Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> street.replace("straat", "str.");
			case 1 -> street.replaceFirst("a", "e");
			default -> street;
		};
	}

	private static void row(String measure, String value) {
		System.out.println("| " + measure + " | " + value + " |");
	}

	private static String seconds(long from, long to) {
		return String.format(Locale.ROOT, "%.2f", (to - from) / 1e9);
	}

}
