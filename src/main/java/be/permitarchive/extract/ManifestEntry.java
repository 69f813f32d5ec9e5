package be.permitarchive.extract;

/**
 * One row of the contractor's {@code manifest.csv} ({@code folder,reference,municipality_nis,box,notes}); all but
 * {@code folder} may be null.
 */
public record ManifestEntry(String folder, String reference, String municipalityNis, String box, String notes) {

	public ManifestEntry {
		if (folder == null || folder.isBlank()) {
			throw new IllegalArgumentException("a manifest entry needs its folder");
		}
		reference = blankToNull(reference);
		municipalityNis = blankToNull(municipalityNis);
		box = blankToNull(box);
		notes = blankToNull(notes);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
