package be.permitarchive.extract;

/**
 * Why a parcel or address is not as sure as the others: it could not be resolved against the reference data, or only
 * by a guess. The value says it itself, so that the review queue can say which value and why.
 * @param reason the review reason it raises
 * @param why what was read and what the reference data says, in words
 */
public record Doubt(ReviewReason reason, String why) {
}
