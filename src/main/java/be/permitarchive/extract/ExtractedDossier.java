package be.permitarchive.extract;

import java.time.LocalDate;
import java.util.List;

/**
 * The permit metadata read from one dossier; every value carries its confidence, method and evidence.
 * @param roles the document role each page was read as, in page order
 */
public record ExtractedDossier(Extracted<String> reference, Extracted<String> omvNumber,
		Extracted<PermitType> permitType, Extracted<Decision> decision, Extracted<LocalDate> decisionDate,
		Extracted<String> subject, List<Extracted<Applicant>> applicants, List<Extracted<Address>> addresses,
		List<Extracted<Parcel>> parcels, List<Conflict> conflicts, List<ReviewReason> needsReview,
		List<PageRole> roles) {

	/** The role a page was read as. */
	public record PageRole(String document, int pageIndex, DocumentRole role) {
	}

	public ExtractedDossier {
		roles = List.copyOf(roles);
		applicants = List.copyOf(applicants);
		addresses = List.copyOf(addresses);
		parcels = List.copyOf(parcels);
		conflicts = List.copyOf(conflicts);
		needsReview = List.copyOf(needsReview);
	}

	public boolean isNeedsReview() {
		return !needsReview.isEmpty();
	}

}
