package be.permitarchive.validate;

/**
 * The thresholds a delivery is checked against (docs/standard.md, "Image quality"). {@link #defaults()} is the
 * standard; tests and the archive team may tighten or loosen single values with the {@code with...} methods.
 * @param minPpi text pages under this resolution get a warning (the standard: 300 ppi)
 * @param rejectBelowPpi text pages under this resolution are rejected (OCR needs 150 ppi)
 * @param ocrSamplePages how many text pages of the delivery are OCR'd to measure legibility (0: none)
 * @param minOcrConfidence sampled pages whose mean word confidence (0-100) is under this are rejected as illegible
 * @param blankRatio a dossier with a larger share of blank pages gets a warning (0-1)
 * @param skewToleranceDegrees pages skewed more than this get a warning
 * @param darkPaperLevel a text page whose paper tone (grey level, 0-255) is under this is too dark
 * @param faintInkLevel a text page whose darkest ink (grey level) is over this is over-exposed
 * @param lenient whether a plain folder (not a BagIt bag) is accepted with a warning instead of rejected
 * @param maxFiles the most files a delivery may hold (more is treated as an archive bomb)
 * @param maxPagesPerFile a file with more pages is rejected without reading its pages
 * @param maxPixelsPerPage an image whose header declares more pixels is a decompression bomb and is not decoded
 * @param maxFileNameLength longer file or folder names get a warning (archive file systems and zip tools)
 */
public record ValidationOptions(int minPpi, int rejectBelowPpi, int ocrSamplePages, double minOcrConfidence,
		double blankRatio, double skewToleranceDegrees, int darkPaperLevel, int faintInkLevel, boolean lenient,
		int maxFiles, int maxPagesPerFile, long maxPixelsPerPage, int maxFileNameLength) {

	public static ValidationOptions defaults() {
		return new ValidationOptions(300, 150, 3, 50, 0.5, 1.5, 110, 160, true, 100_000, 2_000, 1_000_000_000L, 120);
	}

	public ValidationOptions withOcrSamplePages(int pages) {
		return new ValidationOptions(this.minPpi, this.rejectBelowPpi, pages, this.minOcrConfidence, this.blankRatio,
				this.skewToleranceDegrees, this.darkPaperLevel, this.faintInkLevel, this.lenient, this.maxFiles,
				this.maxPagesPerFile, this.maxPixelsPerPage, this.maxFileNameLength);
	}

	public ValidationOptions withLenient(boolean lenient) {
		return new ValidationOptions(this.minPpi, this.rejectBelowPpi, this.ocrSamplePages, this.minOcrConfidence,
				this.blankRatio, this.skewToleranceDegrees, this.darkPaperLevel, this.faintInkLevel, lenient,
				this.maxFiles, this.maxPagesPerFile, this.maxPixelsPerPage, this.maxFileNameLength);
	}

	public ValidationOptions withMaxPagesPerFile(int pages) {
		return new ValidationOptions(this.minPpi, this.rejectBelowPpi, this.ocrSamplePages, this.minOcrConfidence,
				this.blankRatio, this.skewToleranceDegrees, this.darkPaperLevel, this.faintInkLevel, this.lenient,
				this.maxFiles, pages, this.maxPixelsPerPage, this.maxFileNameLength);
	}

	public ValidationOptions withMaxFiles(int files) {
		return new ValidationOptions(this.minPpi, this.rejectBelowPpi, this.ocrSamplePages, this.minOcrConfidence,
				this.blankRatio, this.skewToleranceDegrees, this.darkPaperLevel, this.faintInkLevel, this.lenient,
				files, this.maxPagesPerFile, this.maxPixelsPerPage, this.maxFileNameLength);
	}

}
