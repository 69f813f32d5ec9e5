package be.permitarchive.register;

import java.util.List;
import java.util.Map;

/**
 * What a delivery looks like in the register after a run: the numbers the summary prints.
 * @param dossiersByStatus dossier counts by status code
 * @param pagesByKind page counts by kind code
 * @param meanConfidence mean word confidence of the OCR'd pages, null when none
 */
public record IngestSummary(String delivery, Map<String, Integer> dossiersByStatus, int pages, int pagesOcrd,
		Map<String, Integer> pagesByKind, Double meanConfidence, List<QuarantineEntry> quarantine,
		List<String> needsReview, Metadata metadata) {

	/** How many dossiers have their key fields read, and how many are placed on the map. */
	public record Metadata(int withReference, int withDecisionDate, int withLocation, int placed) {
	}


	public int dossiers() {
		return this.dossiersByStatus.values().stream().mapToInt(Integer::intValue).sum();
	}

	public int dossiers(String status) {
		return this.dossiersByStatus.getOrDefault(status, 0);
	}

	public int pagesSkipped() {
		return this.pages - this.pagesOcrd;
	}

	public boolean hasFindings() {
		return !this.quarantine.isEmpty() || dossiers("needs-review") > 0 || dossiers("quarantined") > 0;
	}

	/** A file in quarantine: where it is, the reason code and the detail. */
	public record QuarantineEntry(String path, String reasonCode, String detail) {
	}

}
