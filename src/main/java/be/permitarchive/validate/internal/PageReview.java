package be.permitarchive.validate.internal;

import be.permitarchive.dossier.QuarantineReason;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import be.permitarchive.dossier.PageKind;
import be.permitarchive.ingest.internal.FileInspector;
import be.permitarchive.ocr.OcrEngine;
import be.permitarchive.ocr.OcrException;
import be.permitarchive.ocr.OcrUnavailableException;
import be.permitarchive.ocr.PageClassifier;
import be.permitarchive.ocr.RecognizedPage;
import be.permitarchive.page.PageLimits;
import be.permitarchive.page.PageSource;
import be.permitarchive.page.PageSources;
import be.permitarchive.page.SourcePage;
import be.permitarchive.page.UnreadablePageException;
import be.permitarchive.validate.Rule;
import be.permitarchive.validate.ValidationOptions;

/**
 * The files and pages of a delivery, one dossier after the other: file checks first (what the ingest would
 * quarantine, hidden formats, bombs), then every page read within the pixel budget and measured, and a small sample
 * of text pages OCR'd for legibility. Holds one page image at a time. Not thread-safe.
 */
public final class PageReview implements AutoCloseable {

	/** Grey levels between paper and darkest ink above which a page that passes for blank holds faint text. */
	private static final int FAINT_CONTRAST = 30;

	private final ValidationOptions options;

	private final PageLimits limits;

	private final Supplier<OcrEngine> ocrEngines;

	private final Findings findings;

	private final FileInspector inspector = new FileInspector();

	private final Map<String, List<String[]>> bySha = new LinkedHashMap<>();

	private final Map<Integer, Integer> pagesByDpi = new TreeMap<>();

	private OcrEngine ocrEngine;

	private boolean ocrUnavailable;

	private int sampled;

	private int pages;

	private String dossier;

	private int dossierPages;

	private int dossierBlank;

	private boolean dossierSampled;

	public PageReview(ValidationOptions options, PageLimits limits, Supplier<OcrEngine> ocrEngines,
			Findings findings) {
		this.options = options;
		this.limits = limits;
		this.ocrEngines = ocrEngines;
		this.findings = findings;
	}

	public void startDossier(String name) {
		this.dossier = name;
		this.dossierPages = 0;
		this.dossierBlank = 0;
		this.dossierSampled = false;
	}

	public void endDossier(Integer expectedPages) {
		if (this.dossierPages >= 2 && this.dossierBlank > this.dossierPages * this.options.blankRatio()) {
			this.findings.file(Rule.DOSSIER_BLANK_RATIO, this.dossier, null, this.dossierBlank, this.dossierPages,
					Math.round(this.options.blankRatio() * 100));
		}
		if (expectedPages != null && expectedPages != this.dossierPages) {
			this.findings.file(Rule.DOSSIER_PAGE_COUNT_MISMATCH, this.dossier, null, expectedPages,
					this.dossierPages);
		}
	}

	/** Checks one file of the current dossier; {@code name} is its path relative to the payload folder. */
	public void file(Path file, String name) {
		try {
			checkFile(file, name);
		}
		catch (IOException | RuntimeException ex) {
			this.findings.file(Rule.FILE_CORRUPT, this.dossier, name, String.valueOf(ex.getMessage()));
		}
	}

	private void checkFile(Path file, String name) throws IOException {
		FileInspector.Inspection inspection = this.inspector.inspect(file);
		QuarantineReason reason = (inspection.quarantined() != null) ? inspection.quarantined().reason() : null;
		if (reason == QuarantineReason.SYMBOLIC_LINK) {
			return; // the inventory reports links (package.symlink) and never follows them
		}
		if (inspection.quarantined() != null && reason != QuarantineReason.TOO_LARGE) {
			// too large is told precisely below (too many pages, decompression bomb)
			this.findings.file(FileChecks.rule(inspection.quarantined().reason()), this.dossier, name,
					inspection.quarantined().detail());
			return;
		}
		this.bySha.computeIfAbsent(inspection.sha256(), (k) -> new ArrayList<>())
			.add(new String[] { this.dossier, name });
		String mediaType = inspection.mediaType();
		FileChecks.extensionMismatch(file.getFileName().toString(), mediaType)
			.ifPresent((said) -> this.findings.file(Rule.FILE_TYPE_MISMATCH, this.dossier, name, said, mediaType));
		FileChecks.polyglot(file)
			.ifPresent((what) -> this.findings.file(Rule.FILE_POLYGLOT, this.dossier, name, mediaType, what));
		boolean pdf = PageSources.PDF.equals(mediaType);
		if (pdf) {
			if (FileChecks.pdfXrefDamaged(file)) {
				this.findings.file(Rule.FILE_PDF_XREF_DAMAGED, this.dossier, name);
			}
			if (FileChecks.pdfJavaScript(file)) {
				this.findings.file(Rule.FILE_ACTIVE_CONTENT, this.dossier, name);
			}
		}
		else {
			Optional<String> damage = "image/tiff".equals(mediaType) ? TiffStructure.damage(file) : Optional.empty();
			if (damage.isPresent()) {
				this.findings.file(Rule.FILE_CORRUPT, this.dossier, name, damage.get());
				return;
			}
			long pixels = FileChecks.largestImagePixels(file, this.options.maxPagesPerFile());
			if (pixels > this.options.maxPixelsPerPage()) {
				this.findings.file(Rule.FILE_DECOMPRESSION_BOMB, this.dossier, name, pixels / 1_000_000,
						this.options.maxPixelsPerPage() / 1_000_000);
				return;
			}
		}
		if (inspection.pageCount() > this.options.maxPagesPerFile()) {
			this.findings.file(Rule.FILE_TOO_MANY_PAGES, this.dossier, name, inspection.pageCount(),
					this.options.maxPagesPerFile());
			this.dossierPages += inspection.pageCount();
			return;
		}
		try (PageSource source = PageSources.open(file, mediaType, this.limits)) {
			for (int i = 0; i < source.pageCount(); i++) {
				this.pages++;
				this.dossierPages++;
				try {
					checkPage(source.page(i), name, pdf);
				}
				catch (UnreadablePageException ex) {
					this.findings.add(Rule.FILE_CORRUPT, this.dossier, name, i + 1, null, ex.getMessage());
				}
			}
		}
	}

	private void checkPage(SourcePage page, String name, boolean pdf) {
		this.pagesByDpi.merge(page.dpi(), 1, Integer::sum);
		if (page.hasTextLayer()) {
			return;
		}
		BufferedImage image = page.image();
		Thumbnail thumbnail = new Thumbnail(image);
		int number = page.index() + 1;
		PageClassifier.Classification classification = PageClassifier.classify(image, page.dpi());
		if (classification.kind() == PageKind.BLANK) {
			if (image.getColorModel().getPixelSize() > 1) {
				PageMeasures measures = PageMeasures.of(image);
				if (measures.paperLevel() - measures.inkLevel() >= FAINT_CONTRAST
						&& measures.inkLevel() > this.options.faintInkLevel()) {
					// not blank paper: text so faint that it passes for blank
					this.findings.add(Rule.IMAGE_OVEREXPOSED, this.dossier, name, number, thumbnail.png(),
							measures.inkLevel());
					return;
				}
			}
			this.dossierBlank++;
			return;
		}
		if (!pdf) {
			colourMode(image).ifPresent((mode) -> this.findings.add(Rule.IMAGE_BIT_DEPTH, this.dossier, name, number,
					thumbnail.png(), image.getColorModel().getPixelSize(), mode));
		}
		if (classification.kind() == PageKind.PHOTO) {
			return;
		}
		if (page.note() == null) {
			if (page.dpi() == 0) {
				this.findings.add(Rule.IMAGE_RESOLUTION_MISSING, this.dossier, name, number, thumbnail.png(),
						this.limits.assumedDpi());
			}
			else if (page.dpi() < this.options.rejectBelowPpi()) {
				this.findings.add(Rule.IMAGE_RESOLUTION_TOO_LOW, this.dossier, name, number, thumbnail.png(),
						page.dpi(), this.options.rejectBelowPpi(), this.options.minPpi());
			}
			else if (page.dpi() < this.options.minPpi()) {
				this.findings.add(Rule.IMAGE_RESOLUTION_LOW, this.dossier, name, number, thumbnail.png(), page.dpi(),
						this.options.minPpi());
			}
		}
		PageMeasures measures = PageMeasures.of(image);
		if (measures.paperLevel() < this.options.darkPaperLevel()) {
			this.findings.add(Rule.IMAGE_TOO_DARK, this.dossier, name, number, thumbnail.png(),
					measures.paperLevel());
		}
		else if (classification.kind() == PageKind.TEXT && image.getColorModel().getPixelSize() > 1
				&& measures.inkLevel() > this.options.faintInkLevel()) {
			this.findings.add(Rule.IMAGE_OVEREXPOSED, this.dossier, name, number, thumbnail.png(),
					measures.inkLevel());
		}
		if (classification.kind() == PageKind.TEXT
				&& Math.abs(measures.skewDegrees()) > this.options.skewToleranceDegrees()) {
			this.findings.add(Rule.IMAGE_SKEWED, this.dossier, name, number, thumbnail.png(),
					String.format(java.util.Locale.ROOT, "%.1f", Math.abs(measures.skewDegrees())),
					String.format(java.util.Locale.ROOT, "%.1f", this.options.skewToleranceDegrees()));
		}
		if (classification.kind() == PageKind.TEXT) {
			sampleLegibility(page, name, thumbnail);
		}
	}

	/** The colour mode when it is not one of the standard's: bilevel, 8-bit grey, 8 bits per channel colour. */
	private static Optional<String> colourMode(BufferedImage image) {
		int bits = image.getColorModel().getPixelSize();
		if (image.getColorModel() instanceof IndexColorModel) {
			return (bits == 1) ? Optional.empty() : Optional.of("palette");
		}
		int channels = image.getColorModel().getNumComponents();
		boolean standard = (channels == 1 && (bits == 1 || bits == 8)) || (channels >= 3 && (bits == 24 || bits == 32));
		return standard ? Optional.empty() : Optional.of((channels == 1) ? "grey" : "colour");
	}

	/** OCR of the first text page of each dossier until the sample is full. */
	private void sampleLegibility(SourcePage page, String name, Thumbnail thumbnail) {
		if (this.dossierSampled || this.sampled >= this.options.ocrSamplePages() || this.ocrUnavailable) {
			return;
		}
		this.dossierSampled = true;
		this.sampled++;
		try {
			if (this.ocrEngine == null) {
				this.ocrEngine = this.ocrEngines.get();
			}
			RecognizedPage recognized = this.ocrEngine.recognize(page.image(), (page.dpi() > 0) ? page.dpi()
					: this.limits.assumedDpi());
			float confidence = recognized.isEmpty() ? 0 : recognized.meanConfidence();
			if (confidence < this.options.minOcrConfidence()) {
				this.findings.add(Rule.IMAGE_ILLEGIBLE, this.dossier, name, page.index() + 1, thumbnail.png(),
						Math.round(confidence), Math.round(this.options.minOcrConfidence()));
			}
		}
		catch (OcrUnavailableException ex) {
			this.ocrUnavailable = true;
			this.findings.delivery(Rule.IMAGE_OCR_UNAVAILABLE, String.valueOf(ex.getMessage()));
		}
		catch (OcrException ex) {
			this.findings.add(Rule.IMAGE_ILLEGIBLE, this.dossier, name, page.index() + 1, thumbnail.png(), 0,
					Math.round(this.options.minOcrConfidence()));
		}
	}

	/** Files with the same content (SHA-256) at more than one place: each copy after the first. */
	public void duplicates() {
		for (List<String[]> places : this.bySha.values()) {
			for (int i = 1; i < places.size(); i++) {
				this.findings.file(Rule.FILE_DUPLICATE, places.get(i)[0], places.get(i)[1], places.get(0)[1]);
			}
		}
	}

	public int pages() {
		return this.pages;
	}

	public Map<Integer, Integer> pagesByDpi() {
		return this.pagesByDpi;
	}

	@Override
	public void close() {
		if (this.ocrEngine != null) {
			try {
				this.ocrEngine.close();
			}
			catch (Exception ex) {
				// closing a native engine that failed: nothing left to release
			}
		}
	}

	/** The page's thumbnail, made once and only when a finding needs it. */
	private static final class Thumbnail {

		private final BufferedImage image;

		private byte[] png;

		Thumbnail(BufferedImage image) {
			this.image = image;
		}

		byte[] png() {
			if (this.png == null) {
				this.png = Thumbnails.png(this.image);
			}
			return this.png;
		}

	}

}
