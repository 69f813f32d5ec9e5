package be.permitarchive.job;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import be.permitarchive.dossier.Issue;
import be.permitarchive.dossier.PageKind;
import be.permitarchive.dossier.PageResult;
import be.permitarchive.dossier.QuarantineReason;
import be.permitarchive.dossier.Quarantined;
import be.permitarchive.ocr.OcrProperties;
import be.permitarchive.ocr.OcrTimeoutException;
import be.permitarchive.ocr.OcrUnavailableException;
import be.permitarchive.ocr.OcrWorkerPool;
import be.permitarchive.ocr.PageClassifier;
import be.permitarchive.ocr.PageClassifier.Classification;
import be.permitarchive.ocr.PageImages;
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
import be.permitarchive.store.AltoWords;
import be.permitarchive.store.Store;
import be.permitarchive.store.internal.SearchablePdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
	static final String OUTPUT_VERSION = "1";

	/** How the reason of a page that could not be decoded starts; a file of only such pages goes to quarantine. */
	static final String UNREADABLE = "unreadable: ";

	private final OcrWorkerPool pool;

	private final Store store;

	private final PageLimits limits;

	private final OcrProperties ocr;

	private final JsonMapper json;

	DossierOcrProcessor(OcrWorkerPool pool, Store store, PageLimits limits, OcrProperties ocr, JsonMapper json) {
		this.pool = pool;
		this.store = store;
		this.limits = limits;
		this.ocr = ocr;
		this.json = json;
	}

	@Override
	public ProcessedDossier process(PendingDossier dossier) throws IOException {
		String key = storeKey(dossier);
		Path dir = this.store.dossierDir(key);
		Path pagesJson = dir.resolve("pages.json");
		Path pdfPath = dir.resolve("dossier.pdf");
		List<DocumentOutcome> outcomes;
		if (Files.exists(pagesJson)) {
			log.info("Dossier {}: OCR results found in the store, not OCR'd again", dossier.folder());
			outcomes = fromCache(dossier, pagesJson);
		}
		else {
			outcomes = new ArrayList<>();
			Files.createDirectories(dir.resolve("pages"));
			try (SearchablePdfWriter pdf = new SearchablePdfWriter(dossier.folder())) {
				for (int i = 0; i < dossier.documents().size(); i++) {
					outcomes.add(processDocument(dossier, i, dir, pdf));
				}
				if (pdf.pageCount() > 0) {
					pdf.save(pdfPath);
				}
			}
			Store.writeAtomically(dir.resolve("dossier.txt"), outcomes.stream()
				.flatMap((o) -> o.pages().stream())
				.map(PageResult::text)
				.collect(Collectors.joining("\n\f\n")));
			Store.writeAtomically(pagesJson, this.json.writeValueAsString(outcomes));
		}
		return new ProcessedDossier(dossier.id(), dossier.folder(), key, Files.exists(pdfPath) ? pdfPath : null,
				outcomes, issues(dossier, outcomes));
	}

	private DocumentOutcome processDocument(PendingDossier dossier, int documentIndex, Path dir,
			SearchablePdfWriter pdf) throws IOException {
		PendingDocument document = dossier.documents().get(documentIndex);
		Path file = dossier.dir().resolve(document.path());
		PageSource source;
		try {
			source = PageSources.open(file, document.mediaType(), this.limits);
		}
		catch (IOException | RuntimeException ex) {
			return new DocumentOutcome(document.id(), document.path(), List.of(),
					new Quarantined(QuarantineReason.UNREADABLE, "cannot be opened: " + ex.getMessage()));
		}
		List<PageResult> pages = new ArrayList<>();
		Path memo = memo(document);
		Map<Integer, PageResult> known = readMemo(memo);
		try (source) {
			Deque<InFlight> inFlight = new ArrayDeque<>();
			for (int i = 0; i < source.pageCount(); i++) {
				PageResult done = known.get(i);
				inFlight.add(new InFlight(i, (done != null) ? reuse(source, done) : submit(source, i)));
				while (inFlight.size() > this.pool.workers()) {
					pages.add(complete(inFlight.poll(), dossier, documentIndex, dir, pdf));
				}
			}
			while (!inFlight.isEmpty()) {
				pages.add(complete(inFlight.poll(), dossier, documentIndex, dir, pdf));
			}
		}
		if (!pages.isEmpty() && pages.stream()
			.allMatch((p) -> p.kind() == PageKind.FAILED && p.skippedWhy().startsWith(UNREADABLE))) {
			return new DocumentOutcome(document.id(), document.path(), List.of(), new Quarantined(
					QuarantineReason.CORRUPT, "no page can be read: " + pages.get(0).skippedWhy()));
		}
		if (known.isEmpty()) {
			Store.writeAtomically(memo, this.json.writeValueAsString(pages));
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

	private Map<Integer, PageResult> readMemo(Path memo) throws IOException {
		if (!Files.exists(memo)) {
			return Map.of();
		}
		List<PageResult> pages = this.json.readValue(Files.readString(memo), new TypeReference<List<PageResult>>() {
		});
		boolean complete = pages.stream()
			.allMatch((p) -> p.kind() != PageKind.FAILED && (p.altoPath() == null || Files.exists(Path.of(p.altoPath()))));
		return complete ? pages.stream().collect(Collectors.toMap(PageResult::index, (p) -> p)) : Map.of();
	}

	/** A page read before: rendered again for the PDF, turned as it was, its words from its ALTO; no OCR. */
	private Future<PageWork> reuse(PageSource source, PageResult done) {
		try {
			SourcePage page = source.page(done.index());
			BufferedImage upright = (done.rotation() == 0) ? page.image() : PageImages.rotate(page.image(), done.rotation());
			List<Word> words = (done.altoPath() != null) ? AltoWords.read(Path.of(done.altoPath()))
					: page.textLayerWords();
			String alto = (done.altoPath() != null) ? Files.readString(Path.of(done.altoPath())) : null;
			PageResult again = new PageResult(done.index(), done.kind(), done.dpi(), done.width(), done.height(),
					done.rotation(), done.text(), done.meanConfidence(), done.wordCount(), done.engine(),
					done.skippedWhy(), null);
			return java.util.concurrent.CompletableFuture.completedFuture(new PageWork(again, upright, words, alto));
		}
		catch (IOException ex) {
			return java.util.concurrent.CompletableFuture.completedFuture(PageWork.failed(done.index(),
					UNREADABLE + ex.getMessage()));
		}
	}

	/** Reads page {@code index} on this thread and hands it to a worker. */
	private Future<PageWork> submit(PageSource source, int index) {
		SourcePage page;
		try {
			page = source.page(index);
		}
		catch (IOException ex) {
			String why = UNREADABLE + ex.getMessage();
			return java.util.concurrent.CompletableFuture.completedFuture(PageWork.failed(index, why));
		}
		return this.pool.submit((engine) -> readPage(engine, page));
	}

	/** On a worker thread: classify the page and OCR it when it is worth it. */
	private PageWork readPage(be.permitarchive.ocr.OcrEngine engine, SourcePage page) {
		if (page.hasTextLayer()) {
			return new PageWork(result(page, PageKind.TEXT_LAYER, 0, page.textLayer(), null, page.textLayerWords()
				.size(), null, "the page has its own text layer"), page.image(), page.textLayerWords(), null);
		}
		Classification classification = PageClassifier.classify(page.image(), page.dpi());
		if (classification.kind() == PageKind.BLANK
				|| (classification.kind() == PageKind.PHOTO && this.ocr.skipPhotos())) {
			return new PageWork(result(page, classification.kind(), 0, "", null, 0, null, classification.reason()),
					page.image(), List.of(), null);
		}
		int ocrDpi = (page.dpi() > 0 && page.dpi() <= 1200) ? page.dpi() : this.limits.assumedDpi();
		try {
			RecognizedPage recognized = engine.recognize(page.image(), ocrDpi);
			BufferedImage upright = (recognized.rotation() == 0) ? page.image()
					: PageImages.rotate(page.image(), recognized.rotation());
			PageResult result = result(page, classification.kind(), recognized.rotation(), recognized.text(),
					recognized.meanConfidence(), recognized.words().size(), engine.description(), null);
			return new PageWork(result, upright, recognized.words(), recognized.altoXml());
		}
		catch (OcrTimeoutException ex) {
			return new PageWork(result(page, PageKind.FAILED, 0, "", null, 0, null, "ocr-timeout: " + ex.getMessage()),
					page.image(), List.of(), null);
		}
		catch (Exception ex) {
			return new PageWork(result(page, PageKind.FAILED, 0, "", null, 0, null, "ocr-failed: " + ex.getMessage()),
					page.image(), List.of(), null);
		}
	}

	private static PageResult result(SourcePage page, PageKind kind, int rotation, String text, Float confidence,
			int words, String engine, String why) {
		String reason = (page.note() == null) ? why : (why == null ? page.note() : why + "; " + page.note());
		if (engine != null && page.note() != null) {
			reason = null; // OCR'd: the downsampling note is not a reason to skip
		}
		return new PageResult(page.index(), kind, page.dpi(), page.width(), page.height(), rotation, text, confidence,
				words, engine, reason, null);
	}

	/** Waits for a page in order, then writes its outputs and adds it to the dossier's PDF. */
	private PageResult complete(InFlight page, PendingDossier dossier, int documentIndex, Path dir,
			SearchablePdfWriter pdf) throws IOException {
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
			pdf.addPage(work.image(), (result.dpi() > 0) ? result.dpi() : this.limits.assumedDpi(), work.words());
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
					issues.add(new Issue("low-confidence", outcome.path() + " page " + (page.index() + 1)
							+ ": mean word confidence " + Math.round(page.meanConfidence())));
				}
			}
		}
		return issues;
	}

	private String storeKey(PendingDossier dossier) {
		String content = dossier.documents().stream()
			.map((d) -> d.path() + "\t" + d.sha256())
			.collect(Collectors.joining("\n"));
		return Store.sha256("v" + OUTPUT_VERSION + "\n" + this.ocr.language() + "\n" + content);
	}

	/** A page read by a worker: its result, the upright image for the PDF and the words of its text layer. */
	record PageWork(PageResult result, BufferedImage image, List<Word> words, String alto) {

		static PageWork failed(int index, String why) {
			return new PageWork(new PageResult(index, PageKind.FAILED, 0, 0, 0, 0, "", null, 0, null, why, null),
					null, List.of(), null);
		}

	}

	/** A page handed to the workers, in document order. */
	record InFlight(int index, Future<PageWork> future) {
	}

}
