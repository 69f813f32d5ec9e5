package be.permitarchive.extract;

import be.permitarchive.dossier.Division;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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

	private final Divisions divisions;

	private final int currentYear;

	public MetadataExtractor(List<Division> divisions, int currentYear) {
		this.divisions = new Divisions(divisions);
		this.currentYear = currentYear;
	}

	public MetadataExtractor(List<Division> divisions) {
		this(divisions, Year.now().getValue());
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
		AddressRule addressRule = new AddressRule(divisions.municipalityNames());
		ListConsensus<Address> addresses = new ListConsensus<>("addresses", Address::key,
				(a, b) -> SIMILARITY.apply(a.street().toLowerCase(Locale.ROOT), b.street().toLowerCase(Locale.ROOT)) >= 0.85);
		views.forEach(v -> addresses.addAll(addressRule.readings(v)));
		List<Extracted<Parcel>> parcels = parcels(views, nis, conflicts);

		List<Extracted<Applicant>> applicantValues = applicants.values("applicants");
		List<Extracted<Address>> addressValues = addresses.values("addresses");
		conflicts.addAll(applicants.conflicts());
		conflicts.addAll(addresses.conflicts());

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
		if (addressValues.isEmpty() && parcels.stream().noneMatch(p -> p.value().capakey() != null)) {
			review.add(ReviewReason.MISSING_LOCATION);
		}
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

	private List<Extracted<Parcel>> parcels(List<PageView> views, String nis, List<Conflict> conflicts) {
		List<ParcelRule.Reading> readings = new ArrayList<>();
		ParcelRule rule = new ParcelRule(divisions, nis);
		views.forEach(v -> readings.addAll(rule.readings(v)));
		// parcels named in one phrase are companions, not rival readings of each other
		Set<String> together = new HashSet<>();
		for (ParcelRule.Reading a : readings) {
			for (ParcelRule.Reading b : readings) {
				if (a.phraseId().equals(b.phraseId())) {
					together.add(key(a.parcel().value()) + "|" + key(b.parcel().value()));
				}
			}
		}
		ListConsensus<Parcel> consensus = new ListConsensus<>("parcels", MetadataExtractor::key,
				(a, b) -> !together.contains(key(a) + "|" + key(b)) && Objects.equals(plot(a), plot(b)));
		consensus.addAll(readings.stream().map(ParcelRule.Reading::parcel).toList());
		List<Extracted<Parcel>> values = consensus.values("parcels");
		conflicts.addAll(consensus.conflicts());
		return values;
	}

	private static String key(Parcel parcel) {
		return parcel.capakey() != null ? parcel.capakey()
				: parcel.asWritten().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
	}

	private static String plot(Parcel parcel) {
		return parcel.capakey() == null ? null : parcel.capakey().substring(0, 10);
	}

}
