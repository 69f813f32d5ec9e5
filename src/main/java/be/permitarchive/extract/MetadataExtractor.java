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
 * Reads the permit metadata of one dossier from the text of its pages. First each page is given its
 * {@link DocumentRole} (decision, application, advice, cover, letter, plan...), because the same words mean other
 * things in other documents; then each rule reads every page and weighs each candidate by its label, its context and
 * its page's role; the readings of a field are then combined ({@link Votes}, {@link ListConsensus}): agreeing
 * documents reinforce a value, a real disagreement becomes a conflict, and a value without clear support stays empty.
 * The manifest counts as one more reading; where it disagrees with the documents, that is flagged. A dossier goes to
 * review when a key field (reference, permit type, decision, its date, the location) is missing, uncertain or
 * contradicted; a disagreement about the subject or an applicant is kept but sends nothing to review.
 */
public final class MetadataExtractor {

	private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

	/** A key field read with less confidence than this sends the dossier to review. */
	public static final double UNCERTAIN = 0.5;

	/** The manifest's reference counts as one well-labelled reading of a document. */
	static final double MANIFEST_READING = 0.7;

	/**
	 * Documents that agree on another reference than the manifest with at least this confidence contradict it;
	 * below it, what they read is as likely a distractor (an architect's number) and the manifest's stands.
	 */
	static final double MANIFEST_DISAGREEMENT = 0.5;

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
		List<PageView> views = DocumentRoles.assign(pages.stream().map(PageView::new).toList());
		String nis = manifest == null ? null : manifest.municipalityNis();
		List<Conflict> conflicts = new ArrayList<>();
		List<ReviewReason> review = new ArrayList<>();

		Extracted<String> reference = reference(views, manifest, conflicts, review);
		Extracted<String> omv = single("omvNumber", views, new OmvNumberRule(currentYear + 1)::readings, conflicts);
		DutchDates dates = new DutchDates(EraYear.of(views, reference, currentYear), currentYear + 1);
		Extracted<LocalDate> decisionDate = single("decisionDate", views, new DecisionDateRule(dates)::readings,
				conflicts);
		Extracted<Decision> decision = single("decision", views, new DecisionRule()::readings, conflicts);
		Extracted<String> subject = single("subject", views, new SubjectRule()::readings, null);
		List<PermitTypeRule.Reading> typeReadings = new ArrayList<>();
		views.forEach(v -> typeReadings.addAll(new PermitTypeRule().readings(v)));
		Extracted<PermitType> permitType = PermitTypeRule.decide(typeReadings, omv);

		ListConsensus<Applicant> applicants = new ListConsensus<>("applicants",
				a -> a.name().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "),
				MetadataExtractor::sameApplicant);
		views.forEach(v -> applicants.addAll(new ApplicantRule().readings(v)));
		PlaceReader.Places places = new PlaceReader(gazetteer).read(views, nis);
		List<Extracted<Parcel>> parcels = places.parcels();

		List<Extracted<Applicant>> applicantValues = applicants.values("applicants");
		List<Extracted<Address>> addressValues = places.addresses();
		conflicts.addAll(places.conflicts());

		if (!reference.isPresent()) {
			review.add(ReviewReason.MISSING_REFERENCE);
		}
		if (!decisionDate.isPresent()) {
			review.add(ReviewReason.MISSING_DECISION_DATE);
		}
		if (!decision.isPresent()) {
			review.add(ReviewReason.MISSING_DECISION);
		}
		if (!permitType.isPresent()) {
			review.add(ReviewReason.MISSING_PERMIT_TYPE);
		}
		review.addAll(places.review());
		if (!conflicts.isEmpty()) {
			review.add(ReviewReason.CONFLICTING_VALUES);
		}
		List<ExtractedDossier.PageRole> roles = views.stream()
			.map(v -> new ExtractedDossier.PageRole(v.page.document(), v.page.pageIndex(), v.role))
			.toList();
		ExtractedDossier dossier = new ExtractedDossier(reference, omv, permitType, decision, decisionDate, subject,
				applicantValues, addressValues, parcels, conflicts, review, roles);
		if (!dossier.uncertain().isEmpty()) {
			review.add(review.contains(ReviewReason.CONFLICTING_VALUES) ? review.size() - 1 : review.size(),
					ReviewReason.UNCERTAIN_VALUE);
			return new ExtractedDossier(reference, omv, permitType, decision, decisionDate, subject, applicantValues,
					addressValues, parcels, conflicts, review, roles);
		}
		return dossier;
	}

	/**
	 * The reference the documents agree on, with the manifest's as one more reading. Where the documents read it
	 * too (or one OCR slip from it), the two support each other; where they read nothing clear, the manifest's
	 * stands; where they clearly read another, the documents' is kept and the disagreement flagged.
	 */
	private Extracted<String> reference(List<PageView> views, ManifestEntry manifest, List<Conflict> conflicts,
			List<ReviewReason> review) {
		ReferenceRule rule = new ReferenceRule();
		List<Extracted<String>> readings = new ArrayList<>();
		views.forEach(v -> readings.addAll(rule.readings(v)));
		Votes<String> documents = new Votes<>("reference", ReferenceRule::comparable, ReferenceRule::ocrVariants)
			.addAll(readings);
		String listed = manifest == null ? null : manifest.reference();
		if (listed == null) {
			Conflict conflict = documents.conflict();
			if (conflict != null) {
				conflicts.add(conflict);
			}
			return documents.winner();
		}
		Extracted<String> fromManifest = new Extracted<>(listed, MANIFEST_READING, "manifest",
				Evidence.ofManifest(listed));
		String key = ReferenceRule.comparable(listed);
		boolean documentsAgree = readings.stream()
			.map(r -> ReferenceRule.comparable(r.value()))
			.anyMatch(k -> k.equals(key) || ReferenceRule.ocrVariants(k, key));
		if (documentsAgree) {
			Votes<String> all = new Votes<>("reference", ReferenceRule::comparable, ReferenceRule::ocrVariants)
				.addAll(readings)
				.add(fromManifest);
			Conflict conflict = all.conflict();
			if (conflict != null) {
				conflicts.add(conflict);
			}
			return all.winner();
		}
		Extracted<String> read = documents.winner();
		if (read.isPresent() && read.confidence() >= MANIFEST_DISAGREEMENT) {
			conflicts.add(new Conflict("reference", List.of(read, fromManifest),
					"the manifest gives reference " + listed + ", the documents " + read.value()));
			review.add(ReviewReason.MANIFEST_DISAGREES);
			return read;
		}
		return fromManifest;
	}

	/** The same person read differently: a letter off, or only the surname (a cover sheet's "Bouwheer Maes"). */
	private static boolean sameApplicant(Applicant a, Applicant b) {
		String x = a.name().toLowerCase(Locale.ROOT);
		String y = b.name().toLowerCase(Locale.ROOT);
		return SIMILARITY.apply(x, y) >= 0.9 || x.endsWith(" " + y) || y.endsWith(" " + x);
	}

	private static <T> Extracted<T> single(String field, List<PageView> views,
			Function<PageView, List<Extracted<T>>> rule, List<Conflict> conflicts) {
		Votes<T> votes = new Votes<>(field);
		views.forEach(v -> votes.addAll(rule.apply(v)));
		Conflict conflict = votes.conflict();
		if (conflict != null && conflicts != null) {
			conflicts.add(conflict);
		}
		return votes.winner();
	}

}
