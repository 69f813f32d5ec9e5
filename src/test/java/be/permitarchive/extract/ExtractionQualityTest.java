package be.permitarchive.extract;

import be.permitarchive.dossier.Division;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.permitarchive.samples.SampleGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Extraction scored against ground truth, on real OCR: the committed {@code sample-scans/} and a second generated
 * delivery that uses the generator's alternative templates, wordings, fonts and degradations (so the rules are not
 * fitted to the sample layouts). Prints precision and recall per field and writes them to
 * {@code target/extraction-quality.md}. OCR results are cached in {@code target/ocr-cache/}; a cold run OCRs about
 * 150 pages on two threads.
 */
class ExtractionQualityTest {

	static final int SECOND_SET_DOSSIERS = 25;

	static final long SECOND_SET_SEED = 20240611L;

	static final List<Division> ZANDHOVEKE = List.of(new Division("31997", "ZANDHOVEKE 1 AFD", "31998", 1),
			new Division("31999", "ZANDHOVEKE 2 AFD", "31998", 2));

	static final List<String> FIELDS = List.of("reference", "omvNumber", "permitType", "decision", "decisionDate",
			"subject", "applicants", "addresses", "parcels");

	static final List<String> RECALL_TARGETS = List.of("reference", "permitType", "decision", "decisionDate", "parcels");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static Map<String, Scorecard> scores = new LinkedHashMap<>();

	@BeforeAll
	static void extractBothSets() throws Exception {
		Path second = Path.of("target/quality-set");
		if (!Files.exists(second.resolve("delivery/manifest.csv"))) {
			SampleGenerator.generate(second, SECOND_SET_DOSSIERS, SECOND_SET_SEED, SampleGenerator.Variant.ALTERNATIVE);
		}
		scores.put("sample-scans (5 dossiers)", score(Path.of("sample-scans")));
		scores.put("alternative set (" + SECOND_SET_DOSSIERS + " dossiers, seed " + SECOND_SET_SEED + ")",
				score(second));
		String table = table();
		System.out.println(table);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/extraction-quality.md"), table, StandardCharsets.UTF_8);
	}

	@Test
	void precisionIsAtLeast97PercentOnEveryField() {
		scores.forEach((set, card) -> FIELDS.forEach(field -> assertThat(card.field(field).precision())
			.as(set + " " + field + " precision; errors: " + card.field(field).errors)
			.isGreaterThanOrEqualTo(0.97)));
	}

	@Test
	void recallIsAtLeast90PercentOnTheKeyFields() {
		scores.forEach((set, card) -> RECALL_TARGETS.forEach(field -> assertThat(card.field(field).recall())
			.as(set + " " + field + " recall; errors: " + card.field(field).errors)
			.isGreaterThanOrEqualTo(0.90)));
	}

	static Scorecard score(Path root) throws Exception {
		Map<String, List<PageText>> pages = OcrCorpus.read(root.resolve("delivery"), 2);
		Map<String, ManifestEntry> manifest = Manifest.read(root.resolve("delivery/manifest.csv"));
		MetadataExtractor extractor = new MetadataExtractor(ZANDHOVEKE, 2025);
		Scorecard card = new Scorecard();
		for (Map.Entry<String, List<PageText>> dossier : pages.entrySet()) {
			String folder = dossier.getKey();
			JsonNode truth = JSON.readTree(root.resolve("ground-truth/" + folder + ".json").toFile());
			// the manifest gives the municipality; its reference is left out so that the documents are scored
			ManifestEntry entry = manifest.get(folder);
			ExtractedDossier got = extractor.extract(dossier.getValue(),
					new ManifestEntry(folder, null, entry.municipalityNis(), entry.box(), entry.notes()));
			card.single("reference", folder, got.reference().value(), text(truth, "reference"));
			card.single("omvNumber", folder, got.omvNumber().value(), text(truth, "omvNumber"));
			card.single("permitType", folder, code(got.permitType().value()), text(truth, "permitType"));
			card.single("decision", folder, got.decision().value() == null ? null : got.decision().value().code(),
					text(truth, "decision"));
			card.single("decisionDate", folder, got.decisionDate().value(), text(truth, "decisionDate"));
			card.single("subject", folder, got.subject().value(), text(truth, "subject"));
			card.list("applicants", folder, got.applicants().stream()
				.map(a -> a.value().name() + " | " + a.value().kind().code()).toList(), expectedApplicants(truth));
			card.list("addresses", folder, got.addresses().stream().map(a -> address(a.value())).toList(),
					expectedAddresses(truth));
			card.list("parcels", folder, got.parcels().stream().map(p -> p.value().capakey()).toList(),
					truth.get("parcels").valueStream().map(p -> p.get("capakey").asString()).toList());
		}
		return card;
	}

	static String code(PermitType type) {
		return type == null ? null : type.code();
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	static List<String> expectedApplicants(JsonNode truth) {
		List<String> names = new ArrayList<>();
		for (JsonNode a : truth.get("applicants")) {
			String kind = switch (a.get("kind").asString()) {
				case "person" -> "natural-person";
				case "company" -> "legal-entity";
				default -> a.get("kind").asString();
			};
			names.add(a.get("name").asString() + " | " + kind);
		}
		return names;
	}

	static List<String> expectedAddresses(JsonNode truth) {
		List<String> addresses = new ArrayList<>();
		for (JsonNode a : truth.get("addresses")) {
			addresses.add(address(new Address(a.get("street").asString(), a.get("houseNumber").asString(),
					text(a, "boxNumber"), text(a, "postcode"), text(a, "municipality"))));
		}
		return addresses;
	}

	static String address(Address a) {
		return a.street() + " " + a.houseNumber() + (a.boxNumber() == null ? "" : " bus " + a.boxNumber()) + ", "
				+ a.postcode() + " " + a.municipality();
	}

	static String table() {
		StringBuilder md = new StringBuilder("# Extraction quality\n\n");
		md.append("Precision = correct / extracted, recall = correct / expected (list fields: per item). Real OCR ")
			.append("(Tesseract nld); manifest reference withheld.\n\n| field |");
		scores.keySet().forEach(set -> md.append(' ').append(set).append(" P | R |"));
		md.append("\n|---|");
		scores.keySet().forEach(set -> md.append("---|---|"));
		md.append('\n');
		for (String field : FIELDS) {
			md.append("| ").append(field).append(" |");
			for (Scorecard card : scores.values()) {
				Scorecard.Counts c = card.field(field);
				md.append(String.format(Locale.ROOT, " %.3f (%d/%d) | %.3f (%d/%d) |", c.precision(), c.correct,
						c.extracted, c.recall(), c.correct, c.expected));
			}
			md.append('\n');
		}
		md.append("\n## Errors\n\n");
		scores.forEach((set, card) -> card.fields().forEach((field, c) -> c.errors
			.forEach(e -> md.append("- ").append(set).append(" / ").append(field).append(": ").append(e).append('\n'))));
		return md.toString();
	}

}
