package be.permitarchive.extract;

import be.permitarchive.dossier.CaPaKey;

/**
 * A cadastral parcel as written, and its CaPaKey when the division could be resolved.
 * @param capakey {@code DDDDDSRRRR/BBEPPP}, or null when the division is unknown
 * @param asWritten the phrase in the document, e.g. "1ste afd., sie A nrs 95/g en 96/s"
 * @param partOfParcel true for "(deel)" or "pie": only part of the parcel is concerned
 */
public record Parcel(String capakey, String asWritten, boolean partOfParcel) {

}
