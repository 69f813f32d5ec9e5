package be.permitarchive.extract;

/**
 * A cadastral parcel as written, and its CaPaKey when it could be resolved.
 * @param capakey {@code DDDDDSRRRR/BBEPPP}; null when the division is unknown or, with a parcel map, when no parcel of
 * the map is meant: a CaPaKey that exists nowhere is never registered
 * @param asWritten the phrase in the document, e.g. "1ste afd., sie A nrs 95/g en 96/s"
 * @param partOfParcel true for "(deel)" or "pie": only part of the parcel is concerned
 * @param doubt why the parcel needs a look (unresolved, or resolved by correcting an OCR slip); null when clean
 */
public record Parcel(String capakey, String asWritten, boolean partOfParcel, Doubt doubt) {

	public Parcel(String capakey, String asWritten, boolean partOfParcel) {
		this(capakey, asWritten, partOfParcel, null);
	}

	Parcel withDoubt(Doubt newDoubt) {
		return new Parcel(capakey, asWritten, partOfParcel, newDoubt);
	}

}
