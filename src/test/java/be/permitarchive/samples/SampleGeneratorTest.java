package be.permitarchive.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generator is deterministic and the committed {@code sample-scans/} is what it produces now. Runs the default
 * delivery twice (a few seconds); OCR quality is checked by hand, not here.
 */
class SampleGeneratorTest {

	static final Path COMMITTED = Path.of("sample-scans");

	static final Pattern CAPAKEY = Pattern.compile("^([0-9]{5})([A-Z])([0-9]{4})/([0-9]{2})([A-Z_])([0-9]{3})$");

	@TempDir
	static Path work;

	static Path first;

	static Path second;

	@BeforeAll
	static void generateTwice() throws IOException {
		first = work.resolve("first");
		second = work.resolve("second");
		SampleGenerator.generate(first, SampleGenerator.DEFAULT_DOSSIERS, SampleGenerator.DEFAULT_SEED);
		SampleGenerator.generate(second, SampleGenerator.DEFAULT_DOSSIERS, SampleGenerator.DEFAULT_SEED);
	}

	@Nested
	class Determinism {

		@Test
		void sameSeedGivesIdenticalFiles() throws IOException {
			// given two runs with the default seed (generated once for the class)
			// when
			List<Path> files = files(first);
			// then
			assertThat(files(second)).containsExactlyElementsOf(files);
			for (Path file : files) {
				assertThat(Files.readAllBytes(second.resolve(file))).as(file.toString())
					.isEqualTo(Files.readAllBytes(first.resolve(file)));
			}
		}

		@Test
		void anotherSeedGivesAnotherGroundTruth() throws IOException {
			// given
			Path other = work.resolve("other-seed");
			// when
			SampleGenerator.generate(other, 1, 7L);
			// then
			Path name = files(other.resolve("ground-truth")).get(0);
			assertThat(Files.readString(other.resolve("ground-truth").resolve(name)))
				.isNotEqualTo(Files.readString(first.resolve("ground-truth").resolve(name)));
		}

	}

	@Nested
	class CommittedSample {

		@Test
		void groundTruthAndManifestMatchTheGenerator() throws IOException {
			// given the committed sample; when compared with a fresh run; then byte for byte equal
			Path truth = COMMITTED.resolve("ground-truth");
			assertThat(files(truth)).as("regenerate with SampleGenerator --out sample-scans")
				.containsExactlyElementsOf(files(first.resolve("ground-truth")));
			for (Path file : files(truth)) {
				assertThat(Files.readString(truth.resolve(file))).as(file.toString())
					.isEqualTo(Files.readString(first.resolve("ground-truth").resolve(file)));
			}
			assertThat(Files.readString(COMMITTED.resolve("delivery/manifest.csv")))
				.isEqualTo(Files.readString(first.resolve("delivery/manifest.csv")));
		}

		@Test
		void deliveryHoldsTheSameFiles() throws IOException {
			// pixels may differ with another JDK's font rasteriser, file names may not
			assertThat(files(COMMITTED.resolve("delivery"))).containsExactlyElementsOf(files(first.resolve("delivery")));
		}

		@Test
		void manifestHasTheAgreedHeaderAndOneRowPerDossier() throws IOException {
			List<String> lines = Files.readAllLines(COMMITTED.resolve("delivery/manifest.csv"));
			assertThat(lines.get(0)).isEqualTo("folder,reference,municipality_nis,box,notes");
			assertThat(lines).hasSize(SampleGenerator.DEFAULT_DOSSIERS + 1);
		}

	}

	@Nested
	class GroundTruthContent {

		@Test
		void everyPageButBlankOnesHasText() throws IOException {
			for (JsonNode page : pages()) {
				String text = page.get("text").asString();
				if ("blank".equals(page.get("kind").asString())) {
					assertThat(text).isEmpty();
				}
				else {
					assertThat(text).as(page.toString()).isNotBlank();
				}
			}
		}

		@Test
		void capakeysMatchTheFormatAndTheDivisionsOfZandhoveke() throws IOException {
			for (JsonNode dossier : dossiers()) {
				assertThat(dossier.get("parcels").size()).isPositive();
				for (JsonNode parcel : dossier.get("parcels")) {
					String capakey = parcel.get("capakey").asString();
					assertThat(capakey).matches(CAPAKEY).satisfiesAnyOf(k -> assertThat(k).startsWith("31997"),
							k -> assertThat(k).startsWith("31999"));
					assertThat(parcel.get("asWritten").asString()).isNotBlank();
				}
			}
		}

		@Test
		void fieldsUseTheRegisterVocabulary() throws IOException {
			Set<String> types = Set.of("bouwvergunning", "verkavelingsvergunning", "omgevingsvergunning",
					"milieuvergunning", "sloopvergunning", "stedenbouwkundig-attest", "onbekend");
			for (JsonNode dossier : dossiers()) {
				assertThat(dossier.get("municipalityNis").asString()).isEqualTo("31998");
				assertThat(types).contains(dossier.get("permitType").asString());
				assertThat(dossier.get("decision").asString())
					.isIn("verleend", "geweigerd", "gedeeltelijk-verleend", "onbekend");
				assertThat(dossier.get("decisionDate").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
				JsonNode omv = dossier.get("omvNumber");
				assertThat(omv.isNull() || omv.asString().matches("OMV_\\d{10}")).isTrue();
			}
		}

		@Test
		void theShowcaseHasEveryKindOfPage() throws IOException {
			List<JsonNode> pages = pages();
			assertThat(pages).extracting(p -> p.get("kind").asString())
				.contains("text", "blank", "plan", "photo", "text-layer");
			assertThat(pages).anySatisfy(p -> assertThat(p.get("rotation").asInt()).isEqualTo(180));
			assertThat(pages).anySatisfy(p -> assertThat(Math.abs(p.get("skewDegrees").asDouble())).isBetween(2.0, 3.0));
			assertThat(pages).filteredOn(p -> p.get("rotation").asInt() != 0 || p.get("skewDegrees").asDouble() != 0)
				.allSatisfy(p -> assertThat(p.get("clean").asBoolean()).isFalse());
			assertThat(pages.size()).isBetween(20, 30);
		}

	}

	static List<JsonNode> dossiers() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		List<JsonNode> dossiers = new ArrayList<>();
		for (Path file : files(COMMITTED.resolve("ground-truth"))) {
			dossiers.add(mapper.readTree(Files.readString(COMMITTED.resolve("ground-truth").resolve(file))));
		}
		return dossiers;
	}

	static List<JsonNode> pages() throws IOException {
		List<JsonNode> pages = new ArrayList<>();
		for (JsonNode dossier : dossiers()) {
			for (JsonNode document : dossier.get("documents")) {
				document.get("pages").forEach(pages::add);
			}
		}
		return pages;
	}

	/** Regular files under {@code root}, relative and sorted. */
	static List<Path> files(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
		}
	}

}
