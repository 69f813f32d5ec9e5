package be.permitarchive.extract;

import be.permitarchive.dossier.Division;
import be.permitarchive.georef.Divisions;
import be.permitarchive.georef.Gazetteer;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Reads the permit metadata of one dossier from the text of its pages. Each rule reads every page; the readings of a
 * field are then combined ({@link Votes}, {@link ListConsensus}): agreeing pages reinforce a value, disagreeing pages
 * become a conflict, and a value without clear support stays empty. The manifest fills nothing the documents say
 * otherwise; where it disagrees, that is flagged.
 */
public final class MetadataExtractor {

	private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

	private final Gazetteer gazetteer;

	private final int currentYear;

	/**
	 * @param gazetteer the reference data as a dictionary: parcels and addresses are checked against it
	 * ({@link Gazetteer#NONE}: read as written)
	 */
	public MetadataExtractor(Gazetteer gazetteer, int currentYear) {
		this.gazetteer = gazetteer;
		this.currentYear = currentYear;
	}

	public MetadataExtractor(Gazetteer gazetteer) {
		this(gazetteer, Year.now().getValue());
	}

	/** Divisions only: parcels are built as written, addresses kept as written. */
	public MetadataExtractor(List<Division> divisions, int currentYear) {
		this(Gazetteer.of(new Divisions(divisions)), currentYear);
	}

	/** The metadata of the dossier whose pages are given; {@code manifest} may be null. */
	public ExtractedDossier extract(List<PageText> pages, ManifestEntry manifest) {
		List<PageView> views = pages.stream().map(PageView::new).toList();
		String nis = manifest == null ? null : manifest.municipalityNis();
		List<Conflict> conflicts = new ArrayList<>();

		Extracted<String> reference = single("reference", views, new ReferenceRule()::readings, conflicts);
		Extracted<String> omv = single("omvNumber", views, new OmvNumberRule(currentYear + 1)::readings, conflicts);
		DutchDates dates = new DutchDates(EraYear.of(views, reference, currentYear), currentYear + 1);
		Extracted<LocalDate> decisionDate = single("decisionDate", views, new DecisionDateRule(dates)::readings,
				conflicts);
		Extracted<Decision> decision = single("decision", views, new DecisionRule()::readings, conflicts);
		Extracted<String> subject = single("subject", views, new SubjectRule()::readings, conflicts);
		List<PermitTypeRule.Reading> typeReadings = new ArrayList<>();
		views.forEach(v -> typeReadings.addAll(new PermitTypeRule().readings(v)));
		Extracted<PermitType> permitType = PermitTypeRule.decide(typeReadings, omv);

		ListConsensus<Applicant> applicants = new ListConsensus<>("applicants",
				a -> a.name().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "),
				(a, b) -> SIMILARITY.apply(a.name().toLowerCase(Locale.ROOT), b.name().toLowerCase(Locale.ROOT)) >= 0.9);
		views.forEach(v -> applicants.addAll(new ApplicantRule().readings(v)));
		PlaceReader.Places places = new PlaceReader(gazetteer).read(views, nis);
		List<Extracted<Parcel>> parcels = places.parcels();

		List<Extracted<Applicant>> applicantValues = applicants.values("applicants");
		List<Extracted<Address>> addressValues = places.addresses();
		conflicts.addAll(applicants.conflicts());
		conflicts.addAll(places.conflicts());

		List<ReviewReason> review = new ArrayList<>();
		if (manifest != null && manifest.reference() != null) {
			Extracted<String> listed = new Extracted<>(manifest.reference(), 0.5, "manifest",
					Evidence.ofManifest(manifest.reference()));
			if (reference.isPresent() && !ReferenceRule.comparable(reference.value())
				.equals(ReferenceRule.comparable(manifest.reference()))) {
				conflicts.add(new Conflict("reference", List.of(reference, listed),
						"the manifest gives reference " + manifest.reference() + ", the documents " + reference.value()));
				review.add(ReviewReason.MANIFEST_DISAGREES);
			}
			else if (!reference.isPresent()) {
				reference = listed;
			}
		}
		if (!reference.isPresent()) {
			review.add(ReviewReason.MISSING_REFERENCE);
		}
		if (!decisionDate.isPresent()) {
			review.add(ReviewReason.MISSING_DECISION_DATE);
		}
		review.addAll(places.review());
		if (!conflicts.isEmpty()) {
			review.add(ReviewReason.CONFLICTING_VALUES);
		}
		return new ExtractedDossier(reference, omv, permitType, decision, decisionDate, subject, applicantValues,
				addressValues, parcels, conflicts, review);
	}

	private static <T> Extracted<T> single(String field, List<PageView> views,
			Function<PageView, List<Extracted<T>>> rule, List<Conflict> conflicts) {
		Votes<T> votes = new Votes<>(field);
		views.forEach(v -> votes.addAll(rule.apply(v)));
		Conflict conflict = votes.conflict();
		if (conflict != null) {
			conflicts.add(conflict);
		}
		return votes.winner();
	}

}
