package be.permitarchive.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.permitarchive.dossier.Issue;

/**
 * The metadata of a dossier in the register's terms: the single-valued fields, the applicants, addresses and parcels
 * as column values with their confidence, method and evidence (JSON), the provenance and conflicts (JSON) and the
 * review issues.
 */
public record DossierMetadata(String reference, String omvNumber, String municipalityNis, String permitType,
		String decision, LocalDate decisionDate, String subject, List<Item> applicants, List<Item> addresses,
		List<Item> parcels, String provenanceJson, List<Issue> issues) {

	/** One applicant, address or parcel: its column values, confidence, method and evidence. */
	public record Item(Map<String, String> values, double confidence, String method, String evidenceJson) {
	}

}
