package be.permitarchive.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Map;

import be.permitarchive.job.IngestRunner.IngestResult;
import be.permitarchive.ocr.TextAccuracy;
import be.permitarchive.support.DossierSchema;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import be.permitarchive.support.VeraPdf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The committed sample delivery through the whole job with Dutch Tesseract, scored against its ground truth: the
 * character error rate of every clean typed page, the pages' kinds and orientation, and the PDF/A of every dossier.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleScansIngestTest {

	static final Path SAMPLES = Path.of("sample-scans");

	static final Path work = TestDeliveries.workDir("sample-scans-ingest");

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	be.permitarchive.register.internal.JsonlExporter exporter;

	@Autowired
	be.permitarchive.register.internal.PostgisSupport postgis;

	@Autowired
	be.permitarchive.ocr.Readings readings;

	IngestResult result;

	final List<GroundTruthPage> truth = new ArrayList<>();

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", TestRegister::newDatabase);
		registry.add("store.dir", () -> work.resolve("store").toString());
	}

	@BeforeAll
	void ingestTheSamples() throws Exception {
		this.result = this.runner.ingest(SAMPLES.resolve("delivery"), SAMPLES.resolve("reference"));
		JsonMapper json = JsonMapper.builder().build();
		try (var files = Files.list(SAMPLES.resolve("ground-truth"))) {
			for (Path file : files.sorted().toList()) {
				JsonNode dossier = json.readTree(Files.readString(file));
				for (JsonNode document : dossier.get("documents")) {
					for (JsonNode page : document.get("pages")) {
						this.truth.add(new GroundTruthPage(dossier.get("folder").asString(),
								document.get("file").asString(), page.get("index").asInt(),
								page.get("kind").asString(), page.get("rotation").asInt(),
								page.get("clean").asBoolean(), page.get("text").asString()));
					}
				}
			}
		}
	}

	@Test
	void everyDossierIsRegisteredWithNothingInQuarantine() {
		assertThat(this.result.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.result.summary().quarantine()).isEmpty();
		// the project's own samples are read completely: nothing for review, so `./archive demo` ends with exit 0
		assertThat(this.result.summary().dossiers("registered")).as(this.result.summary().needsReview().toString())
			.isEqualTo(5);
		assertThat(this.result.exitCode()).isEqualTo(ExitCode.OK);
		assertThat(this.result.summary().dossiers("quarantined")).isZero();
		assertThat(this.result.summary().pages()).isEqualTo(this.truth.size());
	}

	@Test
	void theLegibilitySamplePagesAreNotOcrdASecondTime() {
		// the validation read the first text page of the first dossiers; the ocr step took those readings (their
		// text is scored with the others below) and nothing is left over
		assertThat(this.readings.taken()).isBetween(1, 3);
		assertThat(this.readings.size()).isZero();
	}

	@Test
	void cleanTypedPagesAreReadWithACharacterErrorRateUnderFivePercent() {
		// when
		List<String> report = new ArrayList<>();
		double worst = 0;
		for (GroundTruthPage page : this.truth) {
			if (!page.clean()) {
				continue;
			}
			double cer = TextAccuracy.characterErrorRate(page.text(), registeredText(page));
			worst = Math.max(worst, cer);
			report.add(String.format(Locale.ROOT, "%-22s %-16s p%d %-10s CER %.2f%%", page.folder(), page.file(),
					page.index() + 1, page.kind(), cer * 100));
		}
		System.out.println("OCR of the clean sample pages against ground truth:\n" + String.join("\n", report));

		// then
		assertThat(report).hasSizeGreaterThan(10);
		assertThat(worst).as("worst character error rate on a clean typed page").isLessThan(0.05);
	}

	@Test
	void theUpsideDownPageIsTurnedAndRead() {
		GroundTruthPage upsideDown = this.truth.stream().filter((p) -> p.rotation() == 180).findFirst().orElseThrow();
		Map<String, Object> page = registeredPage(upsideDown);
		assertThat(page.get("rotation")).isEqualTo(180);
		assertThat(TextAccuracy.characterErrorRate(upsideDown.text(), (String) page.get("text"))).isLessThan(0.05);
	}

	@Test
	void blankAndTextLayerPagesAreRecognisedAndNotOcrd() {
		for (GroundTruthPage page : this.truth) {
			if (page.kind().equals("blank") || page.kind().equals("text-layer")) {
				Map<String, Object> registered = registeredPage(page);
				assertThat(registered.get("kind")).as(page.toString()).isEqualTo(page.kind());
				assertThat(registered.get("ocr_engine")).as(page.toString()).isNull();
				assertThat((String) registered.get("skipped_why")).isNotBlank();
			}
		}
	}

	@Test
	void plansAreReadInTheirTitleBlockOnly() throws IOException {
		List<GroundTruthPage> plans = this.truth.stream().filter((p) -> p.kind().equals("plan")).toList();
		assertThat(plans).isNotEmpty();
		for (GroundTruthPage plan : plans) {
			// given: the first six lines are the title block, the rest labels in the drawing
			List<String> lines = plan.text().lines().toList();
			List<String> titleBlock = lines.subList(0, 6);
			List<String> drawingLabels = lines.subList(7, lines.size());

			// when
			Map<String, Object> registered = registeredPage(plan);

			// then
			String text = (String) registered.get("text");
			assertThat(registered.get("kind")).as(plan.toString()).isEqualTo("plan");
			assertThat(registered.get("ocr_engine")).as(plan.toString()).isNotNull();
			assertThat((String) registered.get("skipped_why")).as(plan.toString()).contains("title block");
			assertThat(TextAccuracy.characterErrorRate(String.join("\n", titleBlock), text)).as(text).isLessThan(0.1);
			assertThat(drawingLabels).as("labels in the drawing are not all read").anyMatch((l) -> !text.contains(l));
			int dpi = (Integer) registered.get("dpi");
			int left = (Integer) registered.get("width_px") - (int) Math.round(200 / 25.4 * dpi);
			int top = (Integer) registered.get("height_px") - (int) Math.round(150 / 25.4 * dpi);
			String alto = Files.readString(Path.of((String) registered.get("alto_path")));
			Matcher word = Pattern.compile("<String [^>]*HPOS=\"(\\d+)\" VPOS=\"(\\d+)\"").matcher(alto);
			int words = 0;
			while (word.find()) {
				words++;
				assertThat(Integer.parseInt(word.group(1))).as("word left of the title block").isGreaterThanOrEqualTo(left);
				assertThat(Integer.parseInt(word.group(2))).as("word above the title block").isGreaterThanOrEqualTo(top);
			}
			assertThat(words).isGreaterThanOrEqualTo(10);
		}
	}

	@Test
	void everyDossiersSearchablePdfIsValidPdfA2b() throws Exception {
		List<String> pdfs = this.jdbc.sql("select searchable_pdf from dossier order by folder").query(String.class)
			.list();
		assertThat(pdfs).hasSize(5).doesNotContainNull();
		for (String pdf : pdfs) {
			VeraPdf.Report report = VeraPdf.validate2b(Path.of(pdf));
			assertThat(report.compliant()).as(pdf + " " + report.failures()).isTrue();
		}
	}

	@Test
	void theExportValidatesAgainstTheRegisterSchema() throws Exception {
		// when
		java.io.StringWriter out = new java.io.StringWriter();
		int count = this.exporter.export(out, false);

		// then
		DossierSchema schema = DossierSchema.load();
		List<String> lines = out.toString().lines().toList();
		assertThat(lines).hasSize(count).hasSize(5);
		for (String line : lines) {
			assertThat(schema.errors(line)).as(line).isEmpty();
		}
	}

	@Test
	void theKeyFieldsOfEveryDossierAreReadAsTheGroundTruthHasThem() throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		try (var files = Files.list(SAMPLES.resolve("ground-truth"))) {
			for (Path file : files.sorted().toList()) {
				// given
				JsonNode truth = json.readTree(Files.readString(file));

				// when
				Map<String, Object> dossier = this.jdbc.sql("""
						select reference, omv_number, permit_type, decision, cast(decision_date as text) as decision_date
						from dossier where folder = :folder""")
					.param("folder", truth.get("folder").asString())
					.query()
					.singleRow();
				List<String> capakeys = this.jdbc.sql("""
						select p.capakey from dossier_parcel p join dossier d on d.id = p.dossier_id
						where d.folder = :folder order by p.capakey""")
					.param("folder", truth.get("folder").asString())
					.query(String.class)
					.list();

				// then
				String folder = truth.get("folder").asString();
				assertThat(dossier.get("reference")).as(folder).isEqualTo(truth.get("reference").asString());
				assertThat(dossier.get("permit_type")).as(folder).isEqualTo(truth.get("permitType").asString());
				assertThat(dossier.get("decision")).as(folder).isEqualTo(truth.get("decision").asString());
				assertThat(dossier.get("decision_date")).as(folder).isEqualTo(truth.get("decisionDate").asString());
				if (!truth.get("omvNumber").isNull()) {
					assertThat(dossier.get("omv_number")).as(folder).isEqualTo(truth.get("omvNumber").asString());
				}
				List<String> expected = new ArrayList<>();
				truth.get("parcels").forEach((parcel) -> expected.add(parcel.get("capakey").asString()));
				assertThat(capakeys).as(folder).containsExactlyInAnyOrderElementsOf(expected);
			}
		}
	}

	@Test
	void everyDossierIsPlacedOnTheParcelMapThroughItsWrittenParcels() {
		List<Map<String, Object>> dossiers = this.jdbc.sql("""
				select folder, georef_method, georef_confidence, geometry is not null as placed, min_x, max_x
				from dossier order by folder""").query().listOfRows();
		assertThat(dossiers).hasSize(5).allSatisfy((dossier) -> {
			assertThat(dossier.get("georef_method")).as(dossier.get("folder").toString()).isEqualTo("capakey");
			assertThat(dossier.get("placed")).isEqualTo(true);
			assertThat(((Number) dossier.get("min_x")).doubleValue()).isBetween(20_000.0, 300_000.0);
		});
		List<String> matched = this.jdbc.sql("select address_id from dossier_address where address_id is not null")
			.query(String.class)
			.list();
		assertThat(matched).as("the written addresses are found in the address register").hasSize(5);
	}

	@Test
	void whereTheDatabaseHasPostgisThePolygonsAreRealGeometryWithAnIndex() {
		assumeTrue(this.postgis.enabled(), "this database has no PostGIS (the embedded register); CI's server has it");
		Map<String, Object> polygons = this.jdbc.sql("""
				select count(*) as dossiers, min(ST_SRID(geom)) as srid, min(ST_Area(geom)) as smallest
				from dossier where geom is not null""").query().singleRow();
		assertThat(((Number) polygons.get("dossiers")).intValue()).isEqualTo(5);
		assertThat(polygons.get("srid")).isEqualTo(31370);
		assertThat(((Number) polygons.get("smallest")).doubleValue()).isGreaterThan(10.0);
		assertThat(this.jdbc.sql("""
				select count(*) from dossier d join ref_parcel p on ST_Intersects(d.geom, p.geom)
				where d.folder = '0002_BV-91-214'""").query(Integer.class).single()).isPositive();
	}

	private String registeredText(GroundTruthPage page) {
		return (String) registeredPage(page).get("text");
	}

	private Map<String, Object> registeredPage(GroundTruthPage page) {
		return this.jdbc.sql("""
				select p.* from page p join document doc on doc.id = p.document_id join dossier d on d.id = doc.dossier_id
				where d.folder = :folder and doc.path = :file and p.page_index = :index""")
			.param("folder", page.folder())
			.param("file", page.file())
			.param("index", page.index())
			.query()
			.singleRow();
	}

	record GroundTruthPage(String folder, String file, int index, String kind, int rotation, boolean clean,
			String text) {
	}

}
