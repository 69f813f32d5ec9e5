package be.permitarchive.dossier;

/** What a page is, decided before OCR; it decides whether and how the page is OCR'd. */
public enum PageKind {

	/** Scanned text: OCR'd. */
	TEXT("text"),
	/** A page that already carries a real text layer (born-digital PDF): its text is kept, not OCR'd. */
	TEXT_LAYER("text-layer"),
	/** Duplex back or separator sheet: registered, not OCR'd. */
	BLANK("blank"),
	/** Large-format plan or drawing. */
	PLAN("plan"),
	/** Photograph: registered, not OCR'd. */
	PHOTO("photo"),
	/** The page could not be read or recognised; the reason is recorded with it. */
	FAILED("failed");

	private final String code;

	PageKind(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public static PageKind ofCode(String code) {
		for (PageKind kind : values()) {
			if (kind.code.equals(code)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown page kind: " + code);
	}

}
