package be.permitarchive.job;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import be.permitarchive.dossier.Issue;
import be.permitarchive.dossier.PageKind;
import be.permitarchive.dossier.PageResult;
import be.permitarchive.dossier.QuarantineReason;
import be.permitarchive.dossier.Quarantined;
import be.permitarchive.ingest.FileSnapshot;
import be.permitarchive.ocr.OcrProperties;
import be.permitarchive.ocr.OcrProperties.PlanReading;
import be.permitarchive.ocr.OcrTimeoutException;
import be.permitarchive.ocr.OcrUnavailableException;
import be.permitarchive.ocr.OcrWorkerPool;
import be.permitarchive.ocr.PageClassifier;
import be.permitarchive.ocr.PageClassifier.Classification;
import be.permitarchive.ocr.PageImages;
import be.permitarchive.ocr.Readings;
import be.permitarchive.ocr.RecognizedPage;
import be.permitarchive.ocr.Word;
import be.permitarchive.page.PageLimits;
import be.permitarchive.page.PageSource;
import be.permitarchive.page.PageSources;
import be.permitarchive.page.SourcePage;
import be.permitarchive.register.PendingDossier;
import be.permitarchive.register.PendingDossier.PendingDocument;
import be.permitarchive.register.ProcessedDossier;
import be.permitarchive.register.ProcessedDossier.DocumentOutcome;
import be.permitarchive.register.internal.JdbcRegister;
import be.permitarchive.store.AltoWords;
import be.permitarchive.store.Fixity;
import be.permitarchive.store.Store;
import be.permitarchive.store.StoredFile;
import be.permitarchive.store.internal.PreparedImage;
import be.permitarchive.store.internal.SearchablePdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * OCRs one dossier: every page of every readable document, in order, through the worker pool (the next page is
 * rendered while the workers read the previous ones), into the content-addressed store: a searchable PDF/A of the
 * dossier, ALTO XML and text per page, and {@code pages.json}, written last. When {@code pages.json} already exists
 * for the same content (a crash after OCR, before the register write), the OCR is not done again.
 */
class DossierOcrProcessor implements ItemProcessor<PendingDossier, ProcessedDossier> {

	private static final Logger log = LoggerFactory.getLogger(DossierOcrProcessor.class);

	/** Bump when the outputs change in a way that must not be served from an older store folder. */
	static final String OUTPUT_VERSION = "2";

	/** How the reason of a page that could not be decoded starts; a file of only such pages goes to quarantine. */
	static final String UNREADABLE = "unreadable: ";

	/** The resolution over-resolved scans are read at. */
	static final int OCR_PPI = 300;

	/** The part of a plan read as its title block, from the bottom right corner of the sheet. */
	static final int TITLE_BLOCK_WIDTH_MM = 200;

	static final int TITLE_BLOCK_HEIGHT_MM = 150;

	/** Fewer words than this in the title block: the plan has none there and is read as a whole. */
	static final int TITLE_BLOCK_MIN_WORDS = 3;

	/** Decoded page images handed to the workers and not yet read, at most (in bytes of pixels). */
	static final long IN_FLIGHT_BUDGET_BYTES = 512L << 20;

	/** Pages larger than this (an A2 sheet at 300 ppi is 35 Mpx) are read one at a time, whatever the workers. */
	static final long LARGE_PAGE_PIXELS = 40_000_000L;

	private final Semaphore largePages = new Semaphore(1, true);

	private final Semaphore inFlight = new Semaphore((int) (IN_FLIGHT_BUDGET_BYTES >> 20), true);

	private final OcrWorkerPool pool;

	private final Store store;

	private final PageLimits limits;

	private final OcrProperties ocr;

	private final JsonMapper json;

	private final Readings readings;

	private final JdbcRegister register;

	private final Fixity fixity;

	/** @param readings pages read before the step (the validation's legibility sample), taken instead of read again */
	DossierOcrProcessor(OcrWorkerPool pool, Store store, PageLimits limits, OcrProperties ocr, JsonMapper json,
			Readings readings, JdbcRegister register) {
		this.readings = readings;
		this.register = register;
		this.fixity = new Fixity(store);
		this.pool = pool;
		this.store = store;
		this.limits = limits;
		this.ocr = ocr;
		this.json = json;
		FileSnapshot.removeAbandoned(snapshotDir());
	}

	@Override
	public ProcessedDossier process(PendingDossier dossier) throws IOException {
		MDC.put(LogContext.DOSSIER, dossier.folder());
		try {
			return processDossier(dossier);
		}
		finally {
			MDC.remove(LogContext.DOSSIER);
			MDC.remove(LogContext.PAGE);
		}
	}

	private ProcessedDossier processDossier(PendingDossier dossier) throws IOException {
		String key = storeKey(dossier.documents());
		Path pagesJson = this.store.dossierDir(key).resolve("pages.json");
		if (dossier.documents().stream().allMatch((d) -> asDiscovered(dossier, d)) && intact(dossier, pagesJson)) {
			log.info("Dossier {}: OCR results found in the store, not OCR'd again", dossier.folder());
			return done(dossier, key, fromCache(dossier, pagesJson), List.of(), List.of());
		}
		// the pages are read from private copies hashed while copied: the bytes read are the bytes discovered
		Map<Long, FileSnapshot> snapshots = new LinkedHashMap<>();
		List<DocumentOutcome> gone = new ArrayList<>();
		try {
			List<PendingDocument> verified = new ArrayList<>();
			for (PendingDocument document : dossier.documents()) {
				DocumentOutcome different = snapshot(dossier, document, snapshots);
				if (different == null) {
					verified.add(document);
				}
				else {
					gone.add(different);
				}
			}
			PendingDossier same = new PendingDossier(dossier.id(), dossier.folder(), dossier.dir(), verified);
			key = storeKey(verified);
			Path dir = this.store.dossierDir(key);
			pagesJson = dir.resolve("pages.json");
			if (intact(dossier, pagesJson)) {
				log.info("Dossier {}: OCR results found in the store, not OCR'd again", dossier.folder());
				return done(dossier, key, fromCache(same, pagesJson), gone, List.of());
			}
			List<DocumentOutcome> outcomes = new ArrayList<>();
			Store.createDirectories(dir.resolve("pages"));
			try (SearchablePdfWriter pdf = new SearchablePdfWriter(dossier.folder())) {
				outcomes.addAll(processDocuments(same, snapshots, dir, pdf));
				if (pdf.pageCount() > 0) {
					pdf.save(dir.resolve("dossier.pdf"));
				}
			}
			Store.writeAtomically(dir.resolve("dossier.txt"), outcomes.stream()
				.flatMap((o) -> o.pages().stream())
				.map(PageResult::text)
				.collect(Collectors.joining("\n\f\n")));
			Store.writeAtomically(pagesJson, this.json.writeValueAsString(outcomes));
			List<StoredFile> written = new ArrayList<>(this.fixity.record(dir));
			for (PendingDocument document : verified) {
				Path memo = memo(document);
				if (Files.exists(memo)) {
					written.add(this.fixity.record(memo, true));
				}
			}
			return done(dossier, key, outcomes, gone, written);
		}
		finally {
			for (FileSnapshot snapshot : snapshots.values()) {
				snapshot.close();
			}
		}
	}

	/**
	 * The dossier as it goes to the register: the outcomes of the documents read (from the store or just now) and of
	 * those that changed or went missing after discovery, in the dossier's order.
	 */
	private ProcessedDossier done(PendingDossier dossier, String key, List<DocumentOutcome> read,
			List<DocumentOutcome> gone, List<StoredFile> written) {
		Path pdfPath = this.store.dossierDir(key).resolve("dossier.pdf");
		List<String> order = dossier.documents().stream().map(PendingDocument::path).toList();
		List<DocumentOutcome> outcomes = new ArrayList<>(read);
		outcomes.addAll(gone);
		outcomes.sort(java.util.Comparator.comparingInt((o) -> order.indexOf(o.path())));
		return new ProcessedDossier(dossier.id(), dossier.folder(), key, Files.exists(pdfPath) ? pdfPath : null,
				outcomes, issues(dossier, outcomes), written);
	}

	/**
	 * Whether the store folder of {@code pagesJson} holds what it promises: each file recorded in the register there
	 * with its checksum; for a folder the register has no record of (written by an older version, or a register new
	 * to this store), {@code pages.json} readable, each page's ALTO readable and the PDF there. A damaged folder is
	 * made again, never trusted: its {@code pages.json} is removed first.
	 */
	private boolean intact(PendingDossier dossier, Path pagesJson) throws IOException {
		if (!Files.exists(pagesJson)) {
			return false;
		}
		Path dir = pagesJson.getParent();
		List<StoredFile> recorded = this.register.storeFiles(this.fixity.relative(dir) + "/");
		List<String> damage = recorded.isEmpty() ? structuralDamage(dir, pagesJson)
				: this.fixity.damage(recorded, true);
		if (damage.isEmpty()) {
			return true;
		}
		log.warn("Dossier {}: its store folder {} is damaged ({}): it is made again", dossier.folder(), dir,
				String.join("; ", damage));
		Files.deleteIfExists(pagesJson);
		return false;
	}

	private List<String> structuralDamage(Path dir, Path pagesJson) {
		List<DocumentOutcome> outcomes;
		try {
			outcomes = this.json.readValue(Files.readString(pagesJson), new TypeReference<List<DocumentOutcome>>() {
			});
		}
		catch (IOException | RuntimeException ex) {
			return List.of("pages.json: cannot be read (" + ex.getMessage() + ")");
		}
		List<String> damage = new ArrayList<>();
		boolean anyImage = false;
		for (DocumentOutcome outcome : outcomes) {
			for (PageResult page : outcome.pages()) {
				anyImage |= page.kind() != PageKind.FAILED;
				if (page.altoPath() != null && !readableAlto(Path.of(page.altoPath()))) {
					damage.add(page.altoPath() + ": missing or not ALTO");
				}
			}
		}
		if (anyImage && !Files.isRegularFile(dir.resolve("dossier.pdf"))) {
			damage.add("dossier.pdf: missing");
		}
		return damage;
	}

	private static boolean readableAlto(Path alto) {
		try {
			AltoWords.read(alto);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Whether the file is there with the size and time it had when it was discovered: then the outputs of its content
	 * can be taken from the store without reading it; otherwise it is read (and found changed or missing).
	 */
	private static boolean asDiscovered(PendingDossier dossier, PendingDocument document) {
		Path file = dossier.dir().resolve(document.path());
		try {
			return Files.isRegularFile(file) && (document.size() < 0 || Files.size(file) == document.size())
					&& (document.modified() == null || Files.getLastModifiedTime(file).toInstant()
						.truncatedTo(java.time.temporal.ChronoUnit.MICROS).equals(document.modified()));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Takes the private copy of a document and checks it holds the content discovered.
	 * @return null when it does (the copy is in {@code snapshots}); otherwise the document's outcome: missing, or
	 * changed since it was discovered
	 */
	private DocumentOutcome snapshot(PendingDossier dossier, PendingDocument document,
			Map<Long, FileSnapshot> snapshots) throws IOException {
		Path file = dossier.dir().resolve(document.path());
		FileSnapshot snapshot;
		try {
			snapshot = FileSnapshot.take(file, snapshotDir());
		}
		catch (NoSuchFileException ex) {
			log.warn("Dossier {}: {} was deleted after it was discovered", dossier.folder(), document.path());
			return new DocumentOutcome(document.id(), document.path(), List.of(), new Quarantined(
					QuarantineReason.MISSING, "the file was there when the delivery was discovered and gone when its "
							+ "pages were to be read; nothing of it is registered"));
		}
		if (!snapshot.sha256().equals(document.sha256())) {
			snapshot.close();
			log.warn("Dossier {}: {} changed after it was discovered (SHA-256 {} then, {} now)", dossier.folder(),
					document.path(), document.sha256(), snapshot.sha256());
			return new DocumentOutcome(document.id(), document.path(), List.of(), new Quarantined(
					QuarantineReason.CHANGED, "the file changed during the run (SHA-256 " + shortHash(document.sha256())
							+ " when discovered, " + shortHash(snapshot.sha256()) + ", " + snapshot.size()
							+ " bytes, when its pages were to be read); nothing of it is registered"));
		}
		snapshots.put(document.id(), snapshot);
		return null;
	}

	private static String shortHash(String sha256) {
		return sha256.substring(0, Math.min(12, sha256.length()));
	}

	/** Where the private copies of the files being read are kept while they are read. */
	private Path snapshotDir() {
		return this.store.root().resolve("tmp");
	}

	/**
	 * Every page of every document, in order, through one queue of pages in flight: the next document's first pages
	 * are decoded and handed to the workers while the previous document's last ones are still being read, so that a
	 * dossier of single-page files keeps every worker busy (per document, a dossier of one-page files read one page
	 * at a time, and the last partition of a run left the other cores idle).
	 */
	private List<DocumentOutcome> processDocuments(PendingDossier dossier, Map<Long, FileSnapshot> files, Path dir,
			SearchablePdfWriter pdf) throws IOException {
		int count = dossier.documents().size();
		List<List<PageResult>> pages = new ArrayList<>();
		Quarantined[] unopened = new Quarantined[count];
		boolean[] memoized = new boolean[count];
		Deque<InFlight> inFlight = new ArrayDeque<>();
		for (int d = 0; d < count; d++) {
			pages.add(new ArrayList<>());
			PendingDocument document = dossier.documents().get(d);
			Path file = files.get(document.id()).path();
			PageSource source;
			try {
				source = PageSources.open(file, document.mediaType(), this.limits);
			}
			catch (IOException | RuntimeException ex) {
				unopened[d] = new Quarantined(QuarantineReason.UNREADABLE, "cannot be opened: " + ex.getMessage());
				continue;
			}
			try (source) {
				Map<Integer, PageResult> known = readMemo(memo(document));
				memoized[d] = !known.isEmpty();
				for (int i = 0; i < source.pageCount(); i++) {
					MDC.put(LogContext.PAGE, document.path() + " p" + (i + 1));
					PageResult done = known.get(i);
					inFlight.add(new InFlight(d, i, (done != null) ? reuse(source, done)
							: submit(source, i, document.sha256())));
					while (inFlight.size() > this.pool.workers()) {
						InFlight next = inFlight.poll();
						pages.get(next.document()).add(complete(next, dossier, dir, pdf));
					}
				}
			}
		}
		while (!inFlight.isEmpty()) {
			InFlight next = inFlight.poll();
			pages.get(next.document()).add(complete(next, dossier, dir, pdf));
		}
		List<DocumentOutcome> outcomes = new ArrayList<>();
		for (int d = 0; d < count; d++) {
			PendingDocument document = dossier.documents().get(d);
			outcomes.add((unopened[d] != null)
					? new DocumentOutcome(document.id(), document.path(), List.of(), unopened[d])
					: outcome(document, pages.get(d), memoized[d]));
		}
		return outcomes;
	}

	/** A document whose pages were all read: quarantined when none could be decoded; its pages memoized. */
	private DocumentOutcome outcome(PendingDocument document, List<PageResult> pages, boolean memoized)
			throws IOException {
		if (!pages.isEmpty() && pages.stream()
			.allMatch((p) -> p.kind() == PageKind.FAILED && p.skippedWhy().startsWith(UNREADABLE))) {
			return new DocumentOutcome(document.id(), document.path(), List.of(), new Quarantined(
					QuarantineReason.CORRUPT, "no page can be read: " + pages.get(0).skippedWhy()));
		}
		if (!memoized) {
			Store.writeAtomically(memo(document), this.json.writeValueAsString(pages));
		}
		return new DocumentOutcome(document.id(), document.path(), pages, null);
	}

	/**
	 * Where the pages of a file with this content were recorded once OCR'd: the same file in another dossier or a
	 * later delivery is not OCR'd again (its page images are still rendered for the dossier's PDF).
	 */
	private Path memo(PendingDocument document) {
		String key = Store.sha256("v" + OUTPUT_VERSION + "\n" + this.ocr.language() + "\n" + document.sha256());
		return this.store.root().resolve("documents").resolve(key.substring(0, 2)).resolve(key + ".json");
	}

	/**
	 * The pages recorded in an OCR record, when it and every ALTO it names can be read (and match their checksums
	 * where the register has them); otherwise none, and the document is read again.
	 */
	private Map<Integer, PageResult> readMemo(Path memo) {
		if (!Files.exists(memo)) {
			return Map.of();
		}
		List<PageResult> pages;
		try {
			List<String> damage = this.register.storeFile(this.fixity.relative(memo))
				.map((recorded) -> this.fixity.damage(List.of(recorded), true))
				.orElse(List.of());
			if (!damage.isEmpty()) {
				throw new IOException(damage.get(0));
			}
			pages = this.json.readValue(Files.readString(memo), new TypeReference<List<PageResult>>() {
			});
		}
		catch (IOException | RuntimeException ex) {
			log.warn("The OCR record {} is damaged ({}): the document is read again", memo, ex.getMessage());
			return Map.of();
		}
		boolean complete = pages.stream()
			.allMatch((p) -> p.kind() != PageKind.FAILED && (p.altoPath() == null || readableAlto(Path.of(p.altoPath()))));
		return complete ? pages.stream().collect(Collectors.toMap(PageResult::index, (p) -> p)) : Map.of();
	}

	/** A page read before: rendered again for the PDF, turned as it was, its words from its ALTO; no OCR. */
	private Future<PageWork> reuse(PageSource source, PageResult done) {
		try {
			SourcePage page = source.page(done.index());
			if (done.dpi() > 0 && page.dpi() > done.dpi()) {
				// read downsampled: the access copy and the words are at that resolution
				page = new SourcePage(page.index(), PageImages.downsample(page.image(), done.dpi() / (double) page.dpi()),
						done.dpi(), page.textLayer(), page.textLayerWords(), page.note());
			}
			BufferedImage upright = (done.rotation() == 0) ? page.image() : PageImages.rotate(page.image(), done.rotation());
			List<Word> words = (done.altoPath() != null) ? AltoWords.read(Path.of(done.altoPath()))
					: page.textLayerWords();
			String alto = (done.altoPath() != null) ? Files.readString(Path.of(done.altoPath())) : null;
			PageResult again = new PageResult(done.index(), done.kind(), done.dpi(), done.width(), done.height(),
					done.rotation(), done.text(), done.meanConfidence(), done.wordCount(), done.engine(),
					done.skippedWhy(), null);
			return withinBudget(upright, (engine) -> new PageWork(again, prepared(upright), words, alto));
		}
		catch (IOException ex) {
			return java.util.concurrent.CompletableFuture.completedFuture(PageWork.failed(done.index(),
					UNREADABLE + ex.getMessage()));
		}
	}

	/** Reads page {@code index} on this thread and hands it to a worker. */
	private Future<PageWork> submit(PageSource source, int index, String sha256) throws IOException {
		SourcePage page;
		try {
			long begin = System.nanoTime();
			page = source.page(index);
			log.debug("page {} decoded in {} ms ({}x{})", index + 1, (System.nanoTime() - begin) / 1_000_000,
					page.width(), page.height());
		}
		catch (IOException ex) {
			String why = UNREADABLE + ex.getMessage();
			return java.util.concurrent.CompletableFuture.completedFuture(PageWork.failed(index, why));
		}
		return withinBudget(page.image(), (engine) -> readPage(engine, page, sha256));
	}

	/**
	 * Hands a decoded page to the workers once the page images already waiting for them, or being read, fit in
	 * {@link #IN_FLIGHT_BUDGET_BYTES}: the dossiers read side by side never pile up decoded pages faster than the
	 * workers read them, whatever the page sizes. A page larger than the whole budget waits until it is alone.
	 */
	private Future<PageWork> withinBudget(BufferedImage image, OcrWorkerPool.Task<PageWork> task) throws IOException {
		int permits = (int) Math.max(1, Math.min(IN_FLIGHT_BUDGET_BYTES >> 20, bytes(image) >> 20));
		try {
			this.inFlight.acquire(permits);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for the OCR workers", ex);
		}
		try {
			return this.pool.submit((engine) -> {
				try {
					return task.run(engine);
				}
				finally {
					this.inFlight.release(permits);
				}
			});
		}
		catch (RuntimeException ex) {
			this.inFlight.release(permits);
			throw ex;
		}
	}

	private static long bytes(BufferedImage image) {
		return (long) image.getWidth() * image.getHeight() * Math.max(1, image.getColorModel().getPixelSize() / 8);
	}

	/** On a worker thread: classify the page and OCR it when it is worth it. */
	private PageWork readPage(be.permitarchive.ocr.OcrEngine engine, SourcePage original, String sha256) {
		boolean large = (long) original.width() * original.height() > LARGE_PAGE_PIXELS;
		if (!large) {
			return readPageNow(engine, original, sha256);
		}
		// Tesseract's own memory for a page grows with its pixels (several hundred MB for 80 Mpx): one at a time
		this.largePages.acquireUninterruptibly();
		try {
			return readPageNow(engine, original, sha256);
		}
		finally {
			this.largePages.release();
		}
	}

	private PageWork readPageNow(be.permitarchive.ocr.OcrEngine engine, SourcePage original, String sha256) {
		SourcePage page = original;
		if (page.hasTextLayer()) {
			return new PageWork(result(page, PageKind.TEXT_LAYER, 0, page.textLayer(), null, page.textLayerWords()
				.size(), null, "the page has its own text layer"), prepared(page.image()), page.textLayerWords(), null);
		}
		Classification classification = PageClassifier.classify(page.image(), page.dpi());
		if (classification.kind() == PageKind.BLANK
				|| (classification.kind() == PageKind.PHOTO && this.ocr.skipPhotos())) {
			return new PageWork(result(page, classification.kind(), 0, "", null, 0, null, classification.reason()),
					prepared(page.image()), List.of(), null);
		}
		page = downsampled(page);
		int ocrDpi = (page.dpi() > 0 && page.dpi() <= 1200) ? page.dpi() : this.limits.assumedDpi();
		String partly = null;
		if (classification.kind() == PageKind.PLAN && this.ocr.plans() == PlanReading.SKIP) {
			return new PageWork(result(page, PageKind.PLAN, 0, "", null, 0, null,
					"plan: not OCR'd (ocr.plans = skip); " + classification.reason()), prepared(page.image()),
					List.of(), null);
		}
		try {
			if (classification.kind() == PageKind.PLAN && this.ocr.plans() == PlanReading.TITLE_BLOCK) {
				Rectangle block = titleBlock(page.image(), ocrDpi);
				RecognizedPage titleBlock = engine.recognizeRegion(page.image(), ocrDpi, block);
				if (titleBlock.words().size() >= TITLE_BLOCK_MIN_WORDS) {
					PageResult result = result(page, PageKind.PLAN, 0, titleBlock.text(),
							titleBlock.meanConfidence(), titleBlock.words().size(), engine.description(),
							"plan: only its title block was OCR'd (bottom right, " + TITLE_BLOCK_WIDTH_MM + " x "
									+ TITLE_BLOCK_HEIGHT_MM + " mm)");
					return new PageWork(result, prepared(page.image()), titleBlock.words(), titleBlock.altoXml());
				}
				partly = "plan: no title block at the bottom right, so all of it was OCR'd";
			}
			// the validation's legibility sample may have read this very page, image and resolution already
			RecognizedPage recognized = this.readings
				.take(sha256, page.index(), ocrDpi, page.width(), page.height())
				.orElse(null);
			if (recognized != null) {
				log.debug("page {} read by the legibility sample: not OCR'd again", page.index() + 1);
			}
			else {
				recognized = engine.recognize(page.image(), ocrDpi);
			}
			BufferedImage upright = (recognized.rotation() == 0) ? page.image()
					: PageImages.rotate(page.image(), recognized.rotation());
			PageResult result = result(page, classification.kind(), recognized.rotation(), recognized.text(),
					recognized.meanConfidence(), recognized.words().size(), engine.description(), partly);
			return new PageWork(result, prepared(upright), recognized.words(), recognized.altoXml());
		}
		catch (OcrTimeoutException ex) {
			return new PageWork(result(page, PageKind.FAILED, 0, "", null, 0, null, "ocr-timeout: " + ex.getMessage()),
					prepared(page.image()), List.of(), null);
		}
		catch (Exception ex) {
			return new PageWork(result(page, PageKind.FAILED, 0, "", null, 0, null, "ocr-failed: " + ex.getMessage()),
					prepared(page.image()), List.of(), null);
		}
	}

	/**
	 * A page scanned at more than {@code ocr.max-ppi} (a 600 ppi scan of a letter) at {@link #OCR_PPI} instead:
	 * Tesseract reads best there, and a quarter of the pixels costs a quarter of the time. The page then goes into
	 * the access copy at that resolution too; the original file is not touched. Pages smaller than a few inches keep
	 * their pixels (a small label scanned at high resolution would become unreadable).
	 */
	private SourcePage downsampled(SourcePage page) {
		if (page.dpi() <= this.ocr.maxPpi() || Math.min(page.width(), page.height()) < 3 * page.dpi()) {
			return page;
		}
		BufferedImage smaller = PageImages.downsample(page.image(), OCR_PPI / (double) page.dpi());
		log.debug("page {} downsampled from {} to {} ppi for OCR", page.index() + 1, page.dpi(), OCR_PPI);
		return new SourcePage(page.index(), smaller, OCR_PPI, page.textLayer(), page.textLayerWords(),
				"downsampled from " + page.dpi() + " to " + OCR_PPI + " ppi for OCR");
	}

	/**
	 * Where a plan's title block is: the bottom right corner of the sheet (ISO 5457 and 7200: at most 180 mm wide),
	 * with room for a frame and a margin.
	 */
	static Rectangle titleBlock(BufferedImage image, int dpi) {
		int width = (int) Math.round(TITLE_BLOCK_WIDTH_MM / 25.4 * dpi);
		int height = (int) Math.round(TITLE_BLOCK_HEIGHT_MM / 25.4 * dpi);
		int x = Math.max(0, image.getWidth() - width);
		int y = Math.max(0, image.getHeight() - height);
		return new Rectangle(x, y, image.getWidth() - x, image.getHeight() - y);
	}

	/** The page image compressed for the dossier's PDF here, on the worker, not on the thread writing the PDF. */
	private static PreparedImage prepared(BufferedImage image) {
		try {
			return SearchablePdfWriter.prepare(image);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PageResult result(SourcePage page, PageKind kind, int rotation, String text, Float confidence,
			int words, String engine, String why) {
		String reason = (page.note() == null) ? why : (why == null ? page.note() : why + "; " + page.note());
		if (engine != null && page.note() != null) {
			reason = why; // OCR'd: the downsampling note is not a reason to skip
		}
		return new PageResult(page.index(), kind, page.dpi(), page.width(), page.height(), rotation, text, confidence,
				words, engine, reason, null);
	}

	/** Waits for a page in order, then writes its outputs and adds it to the dossier's PDF. */
	private PageResult complete(InFlight page, PendingDossier dossier, Path dir, SearchablePdfWriter pdf)
			throws IOException {
		int documentIndex = page.document();
		Future<PageWork> future = page.future();
		PageWork work;
		try {
			// the engine stops itself at the page deadline; this is the guard for an engine that does not
			work = future.get(this.ocr.pageTimeout().multipliedBy(2).plus(Duration.ofSeconds(5)).toMillis(),
					TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			work = PageWork.failed(page.index(), "ocr-timeout: the OCR worker did not answer");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof OcrUnavailableException unavailable) {
				throw unavailable; // not a page problem: the run stops and says what to install
			}
			if (ex.getCause() instanceof UncheckedIOException encoding) {
				throw encoding.getCause(); // the page was read but cannot go into the PDF: the dossier fails, as a whole
			}
			work = PageWork.failed(page.index(), "ocr-failed: " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for OCR of dossier " + dossier.folder(), ex);
		}
		PageResult result = work.result();
		String name = String.format(Locale.ROOT, "pages/%04d-%04d", documentIndex + 1, result.index() + 1);
		String altoPath = null;
		if (work.alto() != null) {
			Path alto = dir.resolve(name + ".alto.xml");
			Store.writeAtomically(alto, work.alto());
			altoPath = alto.toString();
		}
		if (!result.text().isEmpty()) {
			Store.writeAtomically(dir.resolve(name + ".txt"), result.text());
		}
		if (work.image() != null) {
			long begin = System.nanoTime();
			pdf.addPage(work.image(), (result.dpi() > 0) ? result.dpi() : this.limits.assumedDpi(), work.words());
			log.debug("page {} ({}) added to the PDF in {} ms", result.index() + 1, result.kind(),
					(System.nanoTime() - begin) / 1_000_000);
		}
		return new PageResult(result.index(), result.kind(), result.dpi(), result.width(), result.height(),
				result.rotation(), result.text(), result.meanConfidence(), result.wordCount(), result.engine(),
				result.skippedWhy(), altoPath);
	}

	private List<DocumentOutcome> fromCache(PendingDossier dossier, Path pagesJson) throws IOException {
		List<DocumentOutcome> cached = this.json.readValue(Files.readString(pagesJson),
				new TypeReference<List<DocumentOutcome>>() {
				});
		Map<String, Long> ids = dossier.documents().stream()
			.collect(Collectors.toMap(PendingDocument::path, PendingDocument::id));
		return cached.stream()
			.map((o) -> new DocumentOutcome(ids.get(o.path()), o.path(), o.pages(), o.quarantined()))
			.toList();
	}

	private List<Issue> issues(PendingDossier dossier, List<DocumentOutcome> outcomes) {
		List<Issue> issues = new ArrayList<>();
		if (dossier.documents().isEmpty()) {
			issues.add(new Issue("no-documents", "the dossier folder holds no readable file"));
		}
		for (DocumentOutcome outcome : outcomes) {
			for (PageResult page : outcome.pages()) {
				if (page.kind() == PageKind.FAILED) {
					String code = page.skippedWhy().startsWith(UNREADABLE) ? "page-unreadable"
							: page.skippedWhy().startsWith("ocr-timeout") ? "ocr-timeout" : "ocr-failed";
					issues.add(new Issue(code, outcome.path() + " page " + (page.index() + 1) + ": "
							+ page.skippedWhy()));
				}
				else if (page.ocrd() && page.wordCount() > 0 && page.meanConfidence() != null
						&& page.meanConfidence() < 50f) {
					issues.add(new Issue(Issue.LOW_CONFIDENCE, outcome.path() + " page " + (page.index() + 1)
							+ ": mean word confidence " + Math.round(page.meanConfidence())));
				}
			}
		}
		return issues;
	}

	private String storeKey(List<PendingDocument> documents) {
		String content = documents.stream()
			.map((d) -> d.path() + "\t" + d.sha256())
			.collect(Collectors.joining("\n"));
		return Store.sha256("v" + OUTPUT_VERSION + "\n" + this.ocr.language() + "\n" + content);
	}

	/** A page read by a worker: its result, the upright image for the PDF and the words of its text layer. */
	record PageWork(PageResult result, PreparedImage image, List<Word> words, String alto) {

		static PageWork failed(int index, String why) {
			return new PageWork(new PageResult(index, PageKind.FAILED, 0, 0, 0, 0, "", null, 0, null, why, null),
					null, List.of(), null);
		}

	}

	/** A page handed to the workers, in document order. */
	record InFlight(int document, int index, Future<PageWork> future) {
	}

}
