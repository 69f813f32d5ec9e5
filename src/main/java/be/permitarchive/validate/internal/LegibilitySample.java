package be.permitarchive.validate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import be.permitarchive.ocr.OcrEngine;
import be.permitarchive.ocr.Readings;
import be.permitarchive.ocr.OcrException;
import be.permitarchive.ocr.OcrUnavailableException;
import be.permitarchive.ocr.RecognizedPage;
import be.permitarchive.page.PageLimits;
import be.permitarchive.page.PageSource;
import be.permitarchive.page.PageSources;
import be.permitarchive.page.SourcePage;
import be.permitarchive.validate.Rule;
import be.permitarchive.validate.ValidationOptions;

/**
 * The delivery's legibility sample: the first text page of each dossier, in dossier order, until
 * {@link ValidationOptions#ocrSamplePages()} pages are OCR'd. The first that many dossiers are taken for sure and OCR
 * their page while they are reviewed, side by side; when some of them had no text page, {@link #later} takes the next
 * dossiers' noted pages in order, so the sample is the same whatever the number of threads. One OCR engine per thread
 * that needs one, all closed at the end. Thread-safe.
 */
public final class LegibilitySample implements AutoCloseable {

	private final ValidationOptions options;

	private final PageLimits limits;

	private final Supplier<OcrEngine> engines;

	private final ConcurrentLinkedQueue<OcrEngine> idle = new ConcurrentLinkedQueue<>();

	private final List<OcrEngine> all = new ArrayList<>();

	private final Readings readings;

	private volatile String unavailable;

	/**
	 * @param readings where each page read is kept for the OCR step to take (an ingest); null when nothing reads
	 * the pages after (a contractor's {@code archive validate})
	 */
	public LegibilitySample(ValidationOptions options, PageLimits limits, Supplier<OcrEngine> engines,
			Readings readings) {
		this.readings = readings;
		this.options = options;
		this.limits = limits;
		this.engines = engines;
	}

	/** Whether the dossier at this position (0-based, in dossier order) OCRs its first text page for sure. */
	public boolean takes(int dossierIndex) {
		return dossierIndex < this.options.ocrSamplePages();
	}

	/**
	 * OCRs the page; a legibility finding (with the page's thumbnail) goes into {@code findings}.
	 * @param file the page's file
	 * @param sha256 the content of the page's file, for {@link Readings}: the reading is kept for the ocr step only
	 * when the file still has that content after it was read (the page may have been decoded from other bytes)
	 */
	void recognize(SourcePage page, java.nio.file.Path file, String sha256, String dossier, String name,
			Supplier<byte[]> thumbnail, Findings findings) {
		if (this.unavailable != null) {
			return;
		}
		OcrEngine engine = null;
		try {
			engine = borrow();
			int dpi = (page.dpi() > 0) ? page.dpi() : this.limits.assumedDpi();
			RecognizedPage recognized = engine.recognize(page.image(), dpi);
			if (this.readings != null && sha256 != null && sha256.equals(contentNow(file))) {
				this.readings.put(sha256, page.index(), dpi, page.width(), page.height(), recognized);
			}
			float confidence = recognized.isEmpty() ? 0 : recognized.meanConfidence();
			if (confidence < this.options.minOcrConfidence()) {
				findings.add(Rule.IMAGE_ILLEGIBLE, dossier, name, page.index() + 1, thumbnail.get(),
						Math.round(confidence), Math.round(this.options.minOcrConfidence()));
			}
		}
		catch (OcrUnavailableException ex) {
			this.unavailable = String.valueOf(ex.getMessage());
		}
		catch (OcrException ex) {
			findings.add(Rule.IMAGE_ILLEGIBLE, dossier, name, page.index() + 1, thumbnail.get(), 0,
					Math.round(this.options.minOcrConfidence()));
		}
		finally {
			if (engine != null) {
				this.idle.add(engine);
			}
		}
	}

	/**
	 * Completes the sample from the dossiers' noted pages, in dossier order: each finding goes where the page's check
	 * would have put it among its dossier's findings.
	 */
	public void later(List<PageReview.Result> dossiers) {
		int sampled = 0;
		for (PageReview.Result dossier : dossiers) {
			if (sampled >= this.options.ocrSamplePages() || this.unavailable != null) {
				return;
			}
			if (dossier.sampled()) {
				sampled++;
				continue;
			}
			PageReview.Candidate candidate = dossier.candidate();
			if (candidate == null) {
				continue;
			}
			sampled++;
			Findings found = new Findings();
			try (PageSource source = PageSources.open(candidate.file(), candidate.mediaType(), this.limits)) {
				SourcePage page = source.page(candidate.pageIndex());
				recognize(page, candidate.file(), candidate.sha256(), dossier.dossier(), candidate.name(),
						() -> Thumbnails.png(page.image()), found);
			}
			catch (Exception ex) {
				continue; // read a moment ago; if it cannot be read again, its page checks have said why
			}
			dossier.findings().insert(candidate.findingPosition(), found);
		}
	}

	private static String contentNow(java.nio.file.Path file) {
		try {
			return be.permitarchive.store.Fixity.sha256(file);
		}
		catch (java.io.IOException ex) {
			return null;
		}
	}

	/** Why OCR was unavailable for the sample, when it was. */
	public Optional<String> unavailable() {
		return Optional.ofNullable(this.unavailable);
	}

	private OcrEngine borrow() {
		OcrEngine engine = this.idle.poll();
		if (engine != null) {
			return engine;
		}
		engine = this.engines.get();
		synchronized (this.all) {
			this.all.add(engine);
		}
		return engine;
	}

	@Override
	public void close() {
		synchronized (this.all) {
			for (OcrEngine engine : this.all) {
				try {
					engine.close();
				}
				catch (Exception ex) {
					// closing a native engine that failed: nothing left to release
				}
			}
			this.all.clear();
		}
	}

}
