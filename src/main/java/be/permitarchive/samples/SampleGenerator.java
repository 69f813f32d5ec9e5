package be.permitarchive.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates a fictional delivery of scanned permit dossiers from the municipality Zandhoveke, with ground truth.
 * <p>
 * Writes {@code OUT/delivery/} (one folder per dossier plus {@code manifest.csv}) and
 * {@code OUT/ground-truth/<folder>.json}. The same seed gives byte-identical ground truth and images on the same
 * JDK and fonts. The first five dossiers are the fixed showcase (one per era); more dossiers are drawn at random.
 * <pre>
 * java -cp target/classes:... be.permitarchive.samples.SampleGenerator --out sample-scans [--dossiers 5] [--seed 1974]
 * </pre>
 */
public final class SampleGenerator {

	public static final long DEFAULT_SEED = 1974L;

	public static final int DEFAULT_DOSSIERS = 5;

	/**
	 * Which templates the pages are written from. {@code CLASSIC} is the committed sample's (showcase first);
	 * {@code ALTERNATIVE} uses other wordings, labels, date and reference forms, street abbreviations, parcel phrases,
	 * fonts and degradations, so that tests can check that rules are not fitted to the classic layout.
	 */
	public enum Variant {
		CLASSIC, ALTERNATIVE
	}

	/** What a run produced. */
	public record Summary(Path delivery, Path groundTruth, int dossiers, int pages, int files, List<String> folders) {

		public Summary {
			folders = List.copyOf(folders);
		}

	}

	private SampleGenerator() {
	}

	public static void main(String[] args) throws IOException {
		Path out = null;
		int dossiers = DEFAULT_DOSSIERS;
		long seed = DEFAULT_SEED;
		Variant variant = Variant.CLASSIC;
		for (int i = 0; i < args.length; i++) {
			String value = i + 1 < args.length ? args[i + 1] : null;
			switch (args[i]) {
				case "--out" -> out = Path.of(require(args[i], value));
				case "--dossiers" -> dossiers = Integer.parseInt(require(args[i], value));
				case "--seed" -> seed = Long.parseLong(require(args[i], value));
				case "--variant" -> variant = Variant.valueOf(require(args[i], value).toUpperCase(java.util.Locale.ROOT));
				default -> throw usage("unknown option " + args[i]);
			}
			i++;
		}
		if (out == null) {
			throw usage("--out is required");
		}
		Summary summary = generate(out, dossiers, seed, variant);
		System.out.printf("%d dossiers, %d pages in %d files -> %s (ground truth in %s)%n", summary.dossiers(),
				summary.pages(), summary.files(), summary.delivery(), summary.groundTruth());
	}

	/**
	 * Writes {@code dossiers} dossiers under {@code out}. Existing files of the same names are overwritten; other
	 * files are left alone.
	 */
	public static Summary generate(Path out, int dossiers, long seed) throws IOException {
		return generate(out, dossiers, seed, Variant.CLASSIC);
	}

	/** As {@link #generate(Path, int, long)}, with the pages written from the given templates. */
	public static Summary generate(Path out, int dossiers, long seed, Variant variant) throws IOException {
		if (dossiers < 1) {
			throw new IllegalArgumentException("dossiers must be at least 1, was " + dossiers);
		}
		Path delivery = out.resolve("delivery");
		Path groundTruth = out.resolve("ground-truth");
		Files.createDirectories(delivery);
		Files.createDirectories(groundTruth);
		Random random = new Random(seed);
		List<SampleDossier> built = new ArrayList<>();
		Set<String> references = new HashSet<>();
		for (int index = 0; index < dossiers; index++) {
			SampleDossier dossier = DossierTemplates.build(index, random, variant);
			while (!references.add(dossier.reference())) {
				dossier = DossierTemplates.build(index, random, variant);
			}
			built.add(dossier);
		}
		// every page carries its own noise seed, so rendering in parallel gives the same bytes as in sequence
		DeliveryWriter writer = new DeliveryWriter(new Fonts());
		int threads = Math.max(1, Math.min(built.size(), Runtime.getRuntime().availableProcessors()));
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		int pages = 0;
		int files = 0;
		try {
			List<Future<Integer>> written = new ArrayList<>();
			for (int index = 0; index < built.size(); index++) {
				SampleDossier dossier = built.get(index);
				long documentIds = seed * 1_000_003L + index;
				written.add(pool.submit(() -> {
					int count = writer.write(dossier, delivery.resolve(dossier.folder()), documentIds);
					GroundTruth.writeJson(dossier, groundTruth.resolve(dossier.folder() + ".json"));
					return count;
				}));
			}
			for (int index = 0; index < built.size(); index++) {
				pages += await(written.get(index), built.get(index));
				files += built.get(index).documents().size();
			}
		}
		finally {
			pool.shutdownNow();
		}
		GroundTruth.writeManifest(built, delivery.resolve("manifest.csv"));
		return new Summary(delivery, groundTruth, built.size(), pages, files,
				built.stream().map(SampleDossier::folder).toList());
	}

	private static int await(Future<Integer> result, SampleDossier dossier) throws IOException {
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while writing " + dossier.folder(), ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw new IllegalStateException("could not write dossier " + dossier.folder(), ex.getCause());
		}
	}

	private static String require(String option, String value) {
		if (value == null) {
			throw usage(option + " needs a value");
		}
		return value;
	}

	private static IllegalArgumentException usage(String problem) {
		return new IllegalArgumentException(problem
				+ "; usage: SampleGenerator --out DIR [--dossiers N] [--seed S] [--variant classic|alternative] (default " + DEFAULT_DOSSIERS
				+ " dossiers, seed " + DEFAULT_SEED + ")");
	}

}
