package be.permitarchive.dossier;

import java.util.Set;

/**
 * Something a reviewer should know about a dossier, with a stable code (docs/standard.md, "Issue codes"). Most issues
 * hold the dossier for review; a note ({@link #NOTES}) is recorded and shown but does not by itself: a page read
 * with low confidence is a fact about the scan, and what matters for the register, the key fields read from it,
 * carries its own confidence (a key field read uncertainly is an issue of its own, {@code extract.uncertain}).
 */
public record Issue(String code, String message) {

	/** An OCR'd page whose mean word confidence is low. */
	public static final String LOW_CONFIDENCE = "low-confidence";

	/** The codes that are notes: shown with the dossier, not a reason to review it. */
	public static final Set<String> NOTES = Set.of(LOW_CONFIDENCE);

	/** Whether this issue alone sends its dossier to review. */
	public boolean holdsForReview() {
		return !NOTES.contains(code);
	}

	/** The notes as an SQL list, for queries that decide a dossier's status: {@code 'low-confidence'}. */
	public static String notesSql() {
		return String.join(", ", NOTES.stream().sorted().map((c) -> "'" + c + "'").toList());
	}

}
