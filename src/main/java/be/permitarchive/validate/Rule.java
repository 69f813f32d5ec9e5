package be.permitarchive.validate;

/**
 * The rules a delivery is checked against, each with its stable code (the message key is {@code rule.<code>}) and
 * its severity. The codes are a documented interface (docs/standard.md): never rename one.
 */
public enum Rule {

	PACKAGE_NOT_A_BAG("package.not-a-bag", Severity.WARN),
	PACKAGE_BAG_INVALID("package.bag-invalid", Severity.REJECT),
	PACKAGE_FILE_MISSING("package.file-missing", Severity.REJECT),
	PACKAGE_FILE_NOT_IN_MANIFEST("package.file-not-in-manifest", Severity.REJECT),
	PACKAGE_CHECKSUM_MISMATCH("package.checksum-mismatch", Severity.REJECT),
	PACKAGE_TAG_MISSING("package.tag-missing", Severity.REJECT),
	PACKAGE_TAG_INVALID("package.tag-invalid", Severity.REJECT),
	PACKAGE_PATH_ESCAPE("package.path-escape", Severity.REJECT),
	PACKAGE_SYMLINK("package.symlink", Severity.REJECT),
	PACKAGE_TOO_MANY_FILES("package.too-many-files", Severity.REJECT),
	PACKAGE_OUTSIDE_DOSSIER("package.outside-dossier", Severity.REJECT),
	PACKAGE_EMPTY("package.empty", Severity.REJECT),

	MANIFEST_MISSING("manifest.missing", Severity.WARN),
	MANIFEST_INVALID("manifest.invalid", Severity.REJECT),
	MANIFEST_FOLDER_NOT_LISTED("manifest.folder-not-listed", Severity.REJECT),
	MANIFEST_FOLDER_MISSING("manifest.folder-missing", Severity.REJECT),
	MANIFEST_REFERENCE_INVALID("manifest.reference-invalid", Severity.REJECT),

	FILE_EMPTY("file.empty", Severity.REJECT),
	FILE_UNSUPPORTED_TYPE("file.unsupported-type", Severity.REJECT),
	FILE_ENCRYPTED("file.encrypted", Severity.REJECT),
	FILE_CORRUPT("file.corrupt", Severity.REJECT),
	FILE_NO_PAGES("file.no-pages", Severity.REJECT),
	FILE_TOO_MANY_PAGES("file.too-many-pages", Severity.REJECT),
	FILE_DECOMPRESSION_BOMB("file.decompression-bomb", Severity.REJECT),
	FILE_TYPE_MISMATCH("file.type-mismatch", Severity.WARN),
	FILE_POLYGLOT("file.polyglot", Severity.REJECT),
	FILE_ACTIVE_CONTENT("file.active-content", Severity.REJECT),
	FILE_PDF_XREF_DAMAGED("file.pdf-xref-damaged", Severity.WARN),
	FILE_NAME_INVALID("file.name-invalid", Severity.REJECT),
	FILE_NAME_TOO_LONG("file.name-too-long", Severity.WARN),
	FILE_DUPLICATE("file.duplicate", Severity.WARN),

	IMAGE_RESOLUTION_TOO_LOW("image.resolution-too-low", Severity.REJECT),
	IMAGE_RESOLUTION_LOW("image.resolution-low", Severity.WARN),
	IMAGE_RESOLUTION_MISSING("image.resolution-missing", Severity.WARN),
	IMAGE_BIT_DEPTH("image.bit-depth", Severity.WARN),
	IMAGE_SKEWED("image.skewed", Severity.WARN),
	IMAGE_TOO_DARK("image.too-dark", Severity.WARN),
	IMAGE_OVEREXPOSED("image.overexposed", Severity.WARN),
	IMAGE_ILLEGIBLE("image.illegible", Severity.REJECT),
	IMAGE_OCR_UNAVAILABLE("image.ocr-unavailable", Severity.WARN),

	DOSSIER_EMPTY("dossier.empty", Severity.REJECT),
	DOSSIER_BLANK_RATIO("dossier.blank-ratio", Severity.WARN),
	DOSSIER_PAGE_COUNT_MISMATCH("dossier.page-count-mismatch", Severity.REJECT);

	private final String code;

	private final Severity severity;

	Rule(String code, Severity severity) {
		this.code = code;
		this.severity = severity;
	}

	public String code() {
		return this.code;
	}

	public Severity severity() {
		return this.severity;
	}

	/** The message bundle key of this rule's text. */
	public String messageKey() {
		return "rule." + this.code;
	}

}
