package be.permitarchive.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import be.permitarchive.dossier.Issue;
import be.permitarchive.dossier.PageKind;
import be.permitarchive.extract.Address;
import be.permitarchive.extract.Applicant;
import be.permitarchive.extract.Conflict;
import be.permitarchive.extract.Doubt;
import be.permitarchive.extract.Evidence;
import be.permitarchive.extract.Extracted;
import be.permitarchive.extract.ExtractedDossier;
import be.permitarchive.extract.ManifestEntry;
import be.permitarchive.extract.MetadataExtractor;
import be.permitarchive.extract.PageText;
import be.permitarchive.extract.Parcel;
import be.permitarchive.extract.ReviewReason;
import be.permitarchive.georef.Gazetteer;
import be.permitarchive.ocr.Word;
import be.permitarchive.register.DossierMetadata;
import be.permitarchive.register.DossierMetadata.Item;
import be.permitarchive.register.DossierText;
import be.permitarchive.register.internal.JdbcReferenceData;
import be.permitarchive.register.internal.JdbcRegister;
import be.permitarchive.store.AltoWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads a registered dossier's metadata: its pages' text and word boxes (from the ALTO files in the store) through
 * the {@link MetadataExtractor}, then into the register's terms. The rules live in the extractor; this only adapts.
 */
class MetadataProcessor implements ItemProcessor<Long, MetadataProcessor.Result> {

	private static final Logger log = LoggerFactory.getLogger(MetadataProcessor.class);

	private final JdbcRegister register;

	private final JdbcReferenceData referenceData;

	private final JsonMapper json;

	/** Built on the first dossier, from the latest reference data: a step with nothing to do loads nothing. */
	private MetadataExtractor extractor;

	/** The municipality when the reference data covers only one: a municipal register's usual case. */
	private String onlyMunicipality;

	MetadataProcessor(JdbcRegister register, JdbcReferenceData referenceData, JsonMapper json) {
		this.register = register;
		this.referenceData = referenceData;
		this.json = json;
	}

	/**
	 * The extractor, with the latest reference data as its dictionary (parcels and addresses are checked against the
	 * map and the address register), or with none when none was loaded.
	 */
	private MetadataExtractor extractor() {
		if (this.extractor == null) {
			Optional<LatestReferenceData> latest = LatestReferenceData.load(this.referenceData);
			this.onlyMunicipality = latest.map(LatestReferenceData::onlyMunicipality).orElse(null);
			this.extractor = new MetadataExtractor(latest.map(LatestReferenceData::gazetteer).orElse(Gazetteer.NONE));
		}
		return this.extractor;
	}

	@Override
	public Result process(Long dossierId) throws IOException {
		DossierText dossier = this.register.dossierText(dossierId);
		List<PageText> pages = new ArrayList<>();
		for (DossierText.Page page : dossier.pages()) {
			if (page.text() == null || page.text().isBlank()) {
				continue;
			}
			List<Word> words = words(dossierId, page);
			if (words != null) {
				pages.add(PageText.ofOcr(page.document(), page.index(), page.text(), words).withKind(kind(page)));
			}
			else {
				pages.add(PageText.ofTextLayer(page.document(), page.index(), page.text()).withKind(kind(page)));
			}
		}
		MetadataExtractor extractor = extractor();
		ManifestEntry manifest = manifest(dossier);
		ExtractedDossier extracted = extractor.extract(pages, manifest);
		return new Result(dossierId, toRegister(extracted, manifest));
	}

	/**
	 * The words of a page with their boxes from its ALTO in the store; null when there is none, or when it is
	 * damaged: the page is then read from its text in the register, and the damage is left for the next ingest or
	 * {@code archive verify} to find (one damaged file never fails the extraction of a delivery).
	 */
	private static List<Word> words(Long dossierId, DossierText.Page page) {
		if (page.altoPath() == null || !Files.exists(Path.of(page.altoPath()))) {
			return null;
		}
		try {
			return AltoWords.read(Path.of(page.altoPath()));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Dossier {}: the ALTO of {} page {} cannot be read ({}): the page is read from its text",
					dossierId, page.document(), page.index() + 1, ex.getMessage());
			return null;
		}
	}

	private static PageKind kind(DossierText.Page page) {
		try {
			return (page.kind() != null) ? PageKind.ofCode(page.kind()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null; // a kind this version does not know: read the page as text
		}
	}

	/**
	 * The manifest row; without one, or without a municipality in it, the municipality of the reference data when
	 * it covers only one (so "2de afdeling" still resolves).
	 */
	private ManifestEntry manifest(DossierText dossier) {
		var row = dossier.manifest();
		String nis = (row != null && row.municipalityNis() != null) ? row.municipalityNis() : this.onlyMunicipality;
		if (row == null) {
			return (nis == null) ? null : new ManifestEntry(dossier.folder(), null, nis, null, null);
		}
		return new ManifestEntry(dossier.folder(), row.reference(), nis, row.box(), row.notes());
	}

	private DossierMetadata toRegister(ExtractedDossier extracted, ManifestEntry manifest) {
		Map<String, Object> provenance = new LinkedHashMap<>();
		put(provenance, "reference", extracted.reference());
		put(provenance, "omvNumber", extracted.omvNumber());
		put(provenance, "permitType", extracted.permitType());
		put(provenance, "decision", extracted.decision());
		put(provenance, "decisionDate", extracted.decisionDate());
		put(provenance, "subject", extracted.subject());
		List<Map<String, Object>> conflicts = extracted.conflicts().stream().map(this::conflict).toList();
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("provenance", provenance);
		metadata.put("conflicts", conflicts);
		metadata.put("pages", extracted.roles().stream()
			.map((r) -> Map.of("document", r.document(), "page", r.pageIndex() + 1, "role", r.role().code()))
			.toList());
		List<Issue> issues = issues(extracted);
		return new DossierMetadata(extracted.reference().value(), extracted.omvNumber().value(),
				(manifest != null) ? manifest.municipalityNis() : null,
				code(extracted.permitType(), (t) -> t.code()), code(extracted.decision(), (d) -> d.code()),
				extracted.decisionDate().value(), extracted.subject().value(),
				items(extracted.applicants(), this::applicant), items(extracted.addresses(), this::address),
				items(extracted.parcels(), this::parcel), this.json.writeValueAsString(metadata), issues);
	}

	/**
	 * The review reasons as the register's issues: a parcel or address in doubt gives one issue each, saying which
	 * and why; each conflict is an issue of its own; every other reason one issue.
	 */
	static List<Issue> issues(ExtractedDossier extracted) {
		List<Issue> issues = new ArrayList<>();
		List<Doubt> doubts = new ArrayList<>();
		extracted.parcels().stream().map((p) -> p.value().doubt()).filter(Objects::nonNull).forEach(doubts::add);
		extracted.addresses().stream().map((a) -> a.value().doubt()).filter(Objects::nonNull).forEach(doubts::add);
		for (ReviewReason reason : extracted.needsReview()) {
			List<Doubt> which = doubts.stream().filter((d) -> d.reason() == reason).toList();
			if (reason == ReviewReason.UNCERTAIN_VALUE) {
				issues.add(new Issue(reason.code(), reason.message() + ": " + String.join(", ", extracted.uncertain())));
			}
			else if (!which.isEmpty()) {
				which.forEach((d) -> issues.add(new Issue(reason.code(), reason.message() + ": " + d.why())));
			}
			else if (reason != ReviewReason.CONFLICTING_VALUES) {
				issues.add(new Issue(reason.code(), reason.message()));
			}
		}
		for (Conflict conflict : extracted.conflicts()) {
			issues.add(new Issue(ReviewReason.CONFLICTING_VALUES.code(), conflict.field() + ": " + conflict.message()));
		}
		return issues;
	}

	private static <T> String code(Extracted<T> field, Function<T, String> code) {
		return field.isPresent() ? code.apply(field.value()) : null;
	}

	private void put(Map<String, Object> provenance, String name, Extracted<?> field) {
		if (!field.isPresent()) {
			return;
		}
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("confidence", round(field.confidence()));
		entry.put("method", field.method());
		entry.put("evidence", evidence(field.evidence()));
		provenance.put(name, entry);
	}

	private Map<String, Object> conflict(Conflict conflict) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("field", conflict.field());
		map.put("message", conflict.message());
		map.put("candidates", conflict.candidates().stream().map((candidate) -> {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("value", String.valueOf(candidate.value()));
			c.put("source", candidate.method());
			c.put("evidence", evidence(candidate.evidence()));
			return c;
		}).toList());
		return map;
	}

	private <T> List<Item> items(List<Extracted<T>> fields, Function<Extracted<T>, Map<String, String>> values) {
		return fields.stream()
			.filter(Extracted::isPresent)
			.map((f) -> new Item(values.apply(f), round(f.confidence()), f.method(),
					this.json.writeValueAsString(evidence(f.evidence()))))
			.toList();
	}

	private Map<String, String> applicant(Extracted<Applicant> read) {
		Applicant applicant = read.value();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", applicant.name());
		values.put("kind", applicant.kind() == Applicant.Kind.NATURAL_PERSON ? "natural-person" : "legal-entity");
		return values;
	}

	/** The address as the register gives it (or as read), and the text it was read from. */
	private Map<String, String> address(Extracted<Address> read) {
		Address address = read.value();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("street", address.street());
		values.put("houseNumber", address.houseNumber());
		values.put("boxNumber", address.boxNumber());
		values.put("postcode", address.postcode());
		values.put("municipality", address.municipality());
		values.put("addressId", address.addressId());
		values.put("asWritten", (read.evidence() != null) ? read.evidence().text() : null);
		return values;
	}

	private Map<String, String> parcel(Extracted<Parcel> read) {
		Parcel parcel = read.value();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("capakey", parcel.capakey());
		values.put("asWritten", parcel.asWritten());
		values.put("part", Boolean.toString(parcel.partOfParcel()));
		return values;
	}

	/** Evidence in the register's terms: pages 1-based, the box as x, y, width, height. */
	private static Map<String, Object> evidence(Evidence evidence) {
		if (evidence == null) {
			return null;
		}
		Map<String, Object> map = new LinkedHashMap<>();
		if (evidence.document() != null) {
			map.put("document", evidence.document());
			map.put("page", evidence.pageIndex() + 1);
		}
		else {
			map.put("document", "manifest.csv");
		}
		if (evidence.box() != null) {
			map.put("bbox", Map.of("x", evidence.box().left(), "y", evidence.box().top(), "width",
					evidence.box().width(), "height", evidence.box().height()));
		}
		map.put("text", evidence.text());
		return map;
	}

	private static double round(double confidence) {
		return Math.round(confidence * 1000) / 1000.0;
	}

	/** The metadata of one dossier, ready for the register. */
	record Result(long dossierId, DossierMetadata metadata) {
	}

}
