package be.permitarchive.dossier;

/** Where a dossier stands in the register. */
public enum DossierStatus {

	/** Discovered, its files checked, not yet OCR'd and registered. */
	PENDING("pending"),
	/** Registered with all its pages. */
	REGISTERED("registered"),
	/** Registered, but a person must look at it (failed pages, quarantined files, low confidence). */
	NEEDS_REVIEW("needs-review"),
	/** Nothing of it could be registered: every file is in quarantine. */
	QUARANTINED("quarantined");

	private final String code;

	DossierStatus(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
