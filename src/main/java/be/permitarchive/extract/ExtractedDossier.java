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

	/** The key fields read with less confidence than {@link MetadataExtractor#UNCERTAIN}, as "field (confidence)". */
	public List<String> uncertain() {
		List<String> fields = new java.util.ArrayList<>();
		java.util.Map<String, Extracted<?>> keys = new java.util.LinkedHashMap<>();
		keys.put("reference", reference);
		keys.put("permitType", permitType);
		keys.put("decision", decision);
		keys.put("decisionDate", decisionDate);
		keys.forEach((name, field) -> {
			if (field.isPresent() && field.confidence() < MetadataExtractor.UNCERTAIN) {
				fields.add(String.format(java.util.Locale.ROOT, "%s %s (%.2f)", name, field.value(), field.confidence()));
			}
		});
		return fields;
	}

	public boolean isNeedsReview() {
		return !needsReview.isEmpty();
	}

}
