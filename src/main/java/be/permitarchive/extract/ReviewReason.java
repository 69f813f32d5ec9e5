package be.permitarchive.extract;

/** Why a dossier needs a person to look at it; the codes are stable. */
public enum ReviewReason {

	MISSING_REFERENCE("extract.missing-reference", "no dossier reference found in the documents"),
	MISSING_DECISION_DATE("extract.missing-decision-date", "no date of the college decision found"),
	MISSING_DECISION("extract.missing-decision", "what the college decided (granted, refused, in part) was not found"),
	MISSING_PERMIT_TYPE("extract.missing-permit-type", "the kind of permit was not found"),
	UNCERTAIN_VALUE("extract.uncertain", "a key field was read with low confidence; see the provenance"),
	MISSING_LOCATION("extract.missing-location", "neither an address nor a cadastral parcel found"),
	CONFLICTING_VALUES("extract.conflict", "documents disagree about a key field; see the conflicts"),
	MANIFEST_DISAGREES("extract.manifest-disagrees", "the manifest says otherwise than the documents"),
	PARCEL_UNRESOLVED("extract.parcel-unresolved", "a written parcel is no parcel of the map, nor one OCR slip from one"),
	PARCEL_GUESSED("extract.parcel-guessed",
			"a parcel was found only by correcting its reading (an OCR slip) or by choosing its division from the map"),
	ADDRESS_UNRESOLVED("extract.address-unresolved", "a site address is not in the address register"),
	ADDRESS_GUESSED("extract.address-guessed",
			"a site address was found in the register only under a similar street name that nothing confirms");

	private final String code;

	private final String message;

	ReviewReason(String code, String message) {
		this.code = code;
		this.message = message;
	}

	public String code() {
		return code;
	}

	public String message() {
		return message;
	}

}
