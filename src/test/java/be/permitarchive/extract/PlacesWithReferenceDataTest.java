package be.permitarchive.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.permitarchive.georef.Gazetteer;
import be.permitarchive.georef.MapHistory;
import be.permitarchive.georef.internal.ReferenceDataFolder;
import be.permitarchive.samples.ReferenceDataGenerator;
import be.permitarchive.samples.SampleGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parcels and site addresses read with the reference data as a dictionary, on real OCR of the committed samples and
 * of the generated alternative set (its reference data generated from its ground truth): every parcel and address
 * the extractor registers is right, at least 90% of them are found, and what is wrong or missing is never silent
 * (the dossier is flagged for its location). OCR comes from {@code target/ocr-cache/}, as in
 * {@link ExtractionQualityTest}.
 */
class PlacesWithReferenceDataTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Where the sets and their reference data are. */
	static Path root(String set) throws Exception {
		if (set.equals("sample-scans")) {
			return Path.of("sample-scans");
		}
		Path root = Path.of("target/quality-set");
		if (!Files.exists(root.resolve("delivery/manifest.csv"))) {
			SampleGenerator.generate(root, ExtractionQualityTest.SECOND_SET_DOSSIERS, ExtractionQualityTest.SECOND_SET_SEED,
					SampleGenerator.Variant.ALTERNATIVE);
		}
		if (!Files.exists(root.resolve("reference/parcels.geojson"))) {
			ReferenceDataGenerator.generate(root.resolve("ground-truth"), root.resolve("reference"),
					root.resolve("reference-v2"), 1977);
		}
		return root;
	}

	@ParameterizedTest
	@ValueSource(strings = { "sample-scans", "alternative set" })
	void everyRegisteredParcelAndAddressIsRightAndWhatIsNotFoundIsFlagged(String set) throws Exception {
		// given the set's pages as OCR read them, and its reference data
		Path root = root(set);
		Map<String, List<PageText>> pages = OcrCorpus.read(root.resolve("delivery"), 2);
		Gazetteer gazetteer = ReferenceDataFolder.load(root.resolve("reference"), set, "CAPAKEY")
			.gazetteer(MapHistory.NONE);
		MetadataExtractor extractor = new MetadataExtractor(gazetteer, 2025);
		List<String> wrong = new ArrayList<>();
		List<String> silent = new ArrayList<>();
		int found = 0;
		int expected = 0;
		for (Map.Entry<String, List<PageText>> dossier : pages.entrySet()) {
			JsonNode truth = JSON.readTree(root.resolve("ground-truth/" + dossier.getKey() + ".json").toFile());

			// when
			ExtractedDossier got = extractor.extract(dossier.getValue(),
					new ManifestEntry(dossier.getKey(), null, "31998", null, null));

			// then
			Set<String> want = new HashSet<>();
			truth.get("parcels").forEach(p -> want.add(p.get("capakey").asString()));
			truth.get("addresses").forEach(a -> want.add(a.get("street").asString() + " " + a.get("houseNumber").asString()));
			Set<String> have = new HashSet<>();
			got.parcels().stream().filter(p -> p.value().capakey() != null).forEach(p -> have.add(p.value().capakey()));
			got.addresses().forEach(a -> have.add(a.value().street() + " " + a.value().houseNumber()));
			boolean flagged = got.needsReview().stream().anyMatch(r -> r == ReviewReason.PARCEL_UNRESOLVED
					|| r == ReviewReason.PARCEL_GUESSED || r == ReviewReason.ADDRESS_UNRESOLVED
					|| r == ReviewReason.ADDRESS_GUESSED || r == ReviewReason.MISSING_LOCATION);
			have.stream().filter(v -> !want.contains(v)).forEach(v -> wrong.add(dossier.getKey() + ": " + v));
			boolean complete = have.containsAll(want) && want.containsAll(have);
			if (!complete && !flagged) {
				silent.add(dossier.getKey() + ": got " + have + ", expected " + want);
			}
			found += (int) want.stream().filter(have::contains).count();
			expected += want.size();
		}
		assertThat(wrong).as(set + ": parcels and addresses registered that the ground truth does not have").isEmpty();
		assertThat((double) found / expected).as(set + ": recall of parcels and addresses").isGreaterThanOrEqualTo(0.9);
		assertThat(silent).as(set + ": dossiers whose location is wrong or incomplete without a flag").isEmpty();
	}

}
