package be.permitarchive.validate;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.permitarchive.ingest.DeliveryLayout;
import be.permitarchive.ocr.OcrEngine;
import be.permitarchive.ocr.Readings;
import be.permitarchive.ocr.internal.Tess4jOcrEngine;
import be.permitarchive.page.PageLimits;
import be.permitarchive.page.PageMemory;
import be.permitarchive.validate.internal.BagChecks;
import be.permitarchive.validate.internal.Findings;
import be.permitarchive.validate.internal.Inventory;
import be.permitarchive.validate.internal.LegibilitySample;
import be.permitarchive.validate.internal.ManifestChecks;
import be.permitarchive.validate.internal.PageReview;

/**
 * Checks a delivery against the standard (docs/standard.md) without a register, so that a contractor can run it
 * before delivering: packaging, manifest, every file and page, completeness. Cheap checks come first; a delivery
 * whose packaging is unsafe (too many files) is not opened further. Never throws for a bad delivery: everything wrong
 * with it is a {@link Finding}.
 */
public final class DeliveryValidator {

	private static final AtomicInteger THREADS = new AtomicInteger();

	private static final Logger LOG = LoggerFactory.getLogger(DeliveryValidator.class);

	private final Supplier<OcrEngine> ocrEngines;

	private final PageLimits limits;

	private final int threads;

	private final Readings readings;

	/** With the real Tesseract engine (Dutch) for the legibility sample, on {@link #defaultThreads()} threads. */
	public DeliveryValidator() {
		this(() -> new Tess4jOcrEngine("nld", null, 60_000, 5f), PageLimits.defaults(), defaultThreads());
	}

	/**
	 * @param threads how many dossiers are reviewed side by side; each holds one decoded page at a time, decoded
	 * under a lease of a {@link PageMemory} of the heap (so two A4 pages side by side fit in a 1 GB heap, and an
	 * 80 Mpx colour plan waits until it fits or is alone)
	 */
	public DeliveryValidator(Supplier<OcrEngine> ocrEngines, PageLimits limits, int threads) {
		this(ocrEngines, limits, threads, null);
	}

	/**
	 * @param readings where the legibility sample's pages are kept for the OCR step that follows (the ingest), so
	 * that it does not read them a second time; {@code ocrEngines} must then make the OCR step's engines
	 */
	public DeliveryValidator(Supplier<OcrEngine> ocrEngines, PageLimits limits, int threads, Readings readings) {
		this.readings = readings;
		this.ocrEngines = ocrEngines;
		this.limits = limits;
		this.threads = Math.max(1, threads);
	}

	/** As many threads as cores: memory is bounded per page ({@link PageMemory}), not per thread. */
	public static int defaultThreads() {
		return Runtime.getRuntime().availableProcessors();
	}

	/**
	 * Validates the delivery folder {@code delivery}.
	 * @throws IOException when the folder itself cannot be read (not for anything wrong inside it)
	 */
	public ValidationReport validate(Path delivery, ValidationOptions options) throws IOException {
		Path root = delivery.toAbsolutePath().normalize();
		Instant started = Instant.now();
		Findings findings = new Findings();
		boolean bag = BagChecks.isBag(root);
		Path payload = DeliveryLayout.payloadDir(root);
		Inventory inventory = Inventory.take(root, payload, options.maxFiles(), options.maxFileNameLength(),
				findings);
		checkPackaging(root, bag, inventory, options, findings);
		if (inventory.tooMany()) {
			return report(root, started, bag, 0, inventory.regularFiles().size(), 0, Map.of(), findings);
		}
		DeliveryLayout.Delivery layout = DeliveryLayout.discover(root);
		layout.looseFiles().forEach((file) -> findings.file(Rule.PACKAGE_OUTSIDE_DOSSIER, null,
				payloadName(root, payload, root.resolve(file)), file.getFileName()));
		if (layout.empty()) {
			findings.delivery(Rule.PACKAGE_EMPTY, payload);
		}
		List<String> folders = layout.dossiers().stream().map(DeliveryLayout.DossierFolder::name).toList();
		Map<String, Integer> expectedPages = ManifestChecks.check(ManifestChecks.location(root, payload), folders,
				findings);
		try (LegibilitySample sample = new LegibilitySample(options, this.limits, this.ocrEngines, this.readings)) {
			List<PageReview.Result> dossiers = review(root, payload, layout.dossiers(), inventory, expectedPages,
					options, sample);
			sample.later(dossiers);
			sample.unavailable().ifPresent((why) -> findings.delivery(Rule.IMAGE_OCR_UNAVAILABLE, why));
			Map<String, List<String[]>> bySha = new LinkedHashMap<>();
			Map<Integer, Integer> pagesByDpi = new TreeMap<>();
			int pages = 0;
			for (PageReview.Result dossier : dossiers) {
				findings.addAll(dossier.findings());
				dossier.files().forEach((f) -> bySha.computeIfAbsent(f[0], (k) -> new ArrayList<>()).add(f));
				dossier.pagesByDpi().forEach((dpi, n) -> pagesByDpi.merge(dpi, n, Integer::sum));
				pages += dossier.pages();
			}
			duplicates(bySha, findings);
			LOG.info("Validated {} dossiers, {} pages on {} thread(s) in {} ms", dossiers.size(), pages,
					Math.max(1, Math.min(this.threads, dossiers.size())),
					java.time.Duration.between(started, Instant.now()).toMillis());
			int files = (int) layout.dossiers().stream().mapToLong((d) -> d.files().size()).sum()
					+ layout.looseFiles().size();
			return report(root, started, bag, layout.dossiers().size(), files, pages, pagesByDpi, findings);
		}
	}

	/**
	 * Reviews the dossiers side by side on {@link #threads} threads, each dossier on one thread; the results come
	 * back in dossier order.
	 */
	private List<PageReview.Result> review(Path root, Path payload, List<DeliveryLayout.DossierFolder> dossiers,
			Inventory inventory, Map<String, Integer> expectedPages, ValidationOptions options,
			LegibilitySample sample) throws IOException {
		PageMemory memory = PageMemory.ofHeap();
		int threads = Math.max(1, Math.min(this.threads, dossiers.size()));
		ExecutorService pool = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "validate-" + THREADS.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<PageReview.Result>> futures = new ArrayList<>();
			for (int i = 0; i < dossiers.size(); i++) {
				DeliveryLayout.DossierFolder dossier = dossiers.get(i);
				PageReview review = new PageReview(options, this.limits, sample, dossier.name(), sample.takes(i),
						memory);
				futures.add(pool.submit(() -> checkDossier(root, payload, dossier, inventory,
						expectedPages.get(dossier.name()), review)));
			}
			List<PageReview.Result> results = new ArrayList<>();
			for (Future<PageReview.Result> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("validation interrupted");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IOException("validation of a dossier failed: " + ex.getCause(), ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Files with the same content (SHA-256) at more than one place: each copy after the first. */
	private static void duplicates(Map<String, List<String[]>> bySha, Findings findings) {
		for (List<String[]> places : bySha.values()) {
			for (int i = 1; i < places.size(); i++) {
				findings.file(Rule.FILE_DUPLICATE, places.get(i)[1], places.get(i)[2], places.get(0)[2]);
			}
		}
	}

	private static void checkPackaging(Path root, boolean bag, Inventory inventory, ValidationOptions options,
			Findings findings) {
		if (!bag) {
			if (options.lenient()) {
				findings.delivery(Rule.PACKAGE_NOT_A_BAG);
			}
			else {
				findings.add(Rule.PACKAGE_BAG_INVALID, null, null, null, null, "bagit.txt is missing");
			}
			return;
		}
		if (!inventory.tooMany()) {
			BagChecks.check(root, Set.copyOf(inventory.regularFiles()), findings);
		}
	}

	private static PageReview.Result checkDossier(Path root, Path payload, DeliveryLayout.DossierFolder dossier,
			Inventory inventory, Integer expectedPages, PageReview review) {
		if (dossier.files().isEmpty()) {
			review.empty();
		}
		for (Path file : dossier.files()) {
			Path absolute = dossier.dir().resolve(file);
			Path relative = root.relativize(absolute);
			if (inventory.isLink(relative) || inventory.hasBadName(relative)
					|| !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
				continue; // already a finding; never opened
			}
			review.file(absolute, payloadName(root, payload, absolute));
		}
		return review.end(expectedPages);
	}

	private static String payloadName(Path root, Path payload, Path absolute) {
		return payload.relativize(absolute).toString();
	}

	private static ValidationReport report(Path root, Instant started, boolean bag, int dossiers, int files, int pages,
			Map<Integer, Integer> pagesByDpi, Findings findings) {
		List<Finding> all = findings.all();
		Verdict verdict = all.stream().anyMatch((f) -> f.severity() == Severity.REJECT) ? Verdict.REJECTED
				: Verdict.ACCEPTED;
		return new ValidationReport(root.toString(), started, verdict, bag, dossiers, files, pages,
				new TreeMap<>(pagesByDpi), all);
	}

}
