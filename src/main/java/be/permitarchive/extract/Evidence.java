package be.permitarchive.extract;

/**
 * Where a value was read, so that a reviewer can click through to it.
 * @param document the file, relative to the dossier folder; null for values from the manifest
 * @param pageIndex 0-based page in the file; -1 for values from the manifest
 * @param box the words' box in pixels of the page image; null when the page has no word boxes
 * @param text the text the value was read from, as it stands on the page
 */
public record Evidence(String document, int pageIndex, Box box, String text) {

	static Evidence ofManifest(String text) {
		return new Evidence(null, -1, null, text);
	}

	/** Same page (document and index). */
	boolean samePage(Evidence other) {
		return other != null && pageIndex == other.pageIndex && java.util.Objects.equals(document, other.document);
	}

}
