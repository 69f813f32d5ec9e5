package be.permitarchive.validate.internal;

import be.permitarchive.dossier.QuarantineReason;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import be.permitarchive.dossier.PageKind;
import be.permitarchive.ingest.internal.FileInspector;
import be.permitarchive.ocr.PageClassifier;
import be.permitarchive.page.PageLimits;
import be.permitarchive.page.PageMemory;
import be.permitarchive.page.PageSource;
import be.permitarchive.page.PageSources;
import be.permitarchive.page.SourcePage;
import be.permitarchive.page.UnreadablePageException;
import be.permitarchive.validate.Rule;
import be.permitarchive.validate.ValidationOptions;

/**
 * The files and pages of one dossier: file checks first (what the ingest would quarantine, hidden formats, bombs),
 * then every page read within the pixel budget and measured, and its first text page OCR'd for legibility when the
 * delivery's sample asks for it ({@link LegibilitySample}). Holds one page image at a time, decoded under a lease
 * of the shared {@link PageMemory}. Not thread-safe: the
 * validator reviews dossiers side by side, each with its own review, and merges their {@link Result}s in dossier
 * order, so the report is the same whatever the number of threads.
 */
public final class PageReview {

	/** Grey levels between paper and darkest ink above which a page that passes for blank holds faint text. */
	private static final int FAINT_CONTRAST = 30;

	private final ValidationOptions options;

	private final PageLimits limits;

	private final LegibilitySample sample;

	private final boolean sampleNow;

	private final PageMemory memory;

	private final Findings findings = new Findings();

	private final FileInspector inspector = new FileInspector();

	private final List<String[]> files = new ArrayList<>();

	private final Map<Integer, Integer> pagesByDpi = new TreeMap<>();

	private final String dossier;

	private int pages;

	private int dossierBlank;

	private Candidate candidate;

	private String mediaType;

	private Path path;

	private String sha256;

	/**
	 * @param sampleNow whether this dossier's first text page is OCR'd as it is found (the dossier is one of the
	 * first the sample may take); otherwise it is only noted, and {@link LegibilitySample#later} may OCR it
	 * @param memory the heap budget the reviews side by side share: each page is decoded under a lease of it
	 */
	public PageReview(ValidationOptions options, PageLimits limits, LegibilitySample sample, String dossier,
			boolean sampleNow, PageMemory memory) {
		this.memory = memory;
		this.options = options;
		this.limits = limits;
		this.sample = sample;
		this.dossier = dossier;
		this.sampleNow = sampleNow;
	}

	/**
	 * What the review of one dossier found.
	 * @param files every file read, in order, as {@code sha256, dossier, name} (for the delivery's duplicates)
	 * @param candidate the first text page, when it was not OCR'd yet; null otherwise
	 * @param sampled whether a page of this dossier was OCR'd for the sample
	 */
	public record Result(String dossier, Findings findings, List<String[]> files, Map<Integer, Integer> pagesByDpi,
			int pages, Candidate candidate, boolean sampled) {
	}

	/**
	 * A text page that the sample may still OCR: where it is, and where its finding goes among the dossier's
	 * findings.
	 */
	public record Candidate(Path file, String sha256, String name, String mediaType, int pageIndex,
			int findingPosition) {
	}

	/** Notes that the dossier folder holds no files. */
	public void empty() {
		this.findings.file(Rule.DOSSIER_EMPTY, this.dossier, null, this.dossier);
	}

	/** Ends the dossier: its page-count checks, and what the review found. */
	public Result end(Integer expectedPages) {
		if (this.pages >= 2 && this.dossierBlank > this.pages * this.options.blankRatio()) {
			this.findings.file(Rule.DOSSIER_BLANK_RATIO, this.dossier, null, this.dossierBlank, this.pages,
					Math.round(this.options.blankRatio() * 100));
		}
		if (expectedPages != null && expectedPages != this.pages) {
			this.findings.file(Rule.DOSSIER_PAGE_COUNT_MISMATCH, this.dossier, null, expectedPages, this.pages);
		}
		boolean sampled = this.sampleNow && this.candidate != null;
		return new Result(this.dossier, this.findings, this.files, this.pagesByDpi, this.pages,
				sampled ? null : this.candidate, sampled);
	}

	/** Checks one file of the dossier; {@code name} is its path relative to the payload folder. */
	public void file(Path file, String name) {
		try {
			checkFile(file, name);
		}
		catch (InterruptedIOException ex) {
			throw new UncheckedIOException(ex); // the validation is being stopped: not a finding
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
		this.files.add(new String[] { inspection.sha256(), this.dossier, name });
		String mediaType = inspection.mediaType();
		this.mediaType = mediaType;
		this.path = file;
		this.sha256 = inspection.sha256();
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
			this.pages += inspection.pageCount();
			return;
		}
		try (PageSource source = PageSources.open(file, mediaType, this.limits)) {
			for (int i = 0; i < source.pageCount(); i++) {
				this.pages++;
				try (PageMemory.Lease lease = this.memory.lease(source.heapBytes(i))) {
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

	/** The dossier's first text page: OCR'd now when the sample takes this dossier for sure, else noted. */
	private void sampleLegibility(SourcePage page, String name, Thumbnail thumbnail) {
		if (this.candidate != null) {
			return;
		}
		this.candidate = new Candidate(this.path, this.sha256, name, this.mediaType, page.index(),
				this.findings.size());
		if (this.sampleNow) {
			this.sample.recognize(page, this.path, this.sha256, this.dossier, name, thumbnail::png, this.findings);
		}
	}

	/** The page's thumbnail, made once and only when a finding needs it. */
	static final class Thumbnail {

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
