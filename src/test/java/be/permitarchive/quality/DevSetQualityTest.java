package be.permitarchive.quality;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.permitarchive.job.IngestRunner;
import be.permitarchive.job.IngestRunner.IngestResult;
import be.permitarchive.quality.DevSetScorer.Dossier;
import be.permitarchive.quality.DevSetScorer.Score;
import be.permitarchive.quality.DevSetScorer.TextScore;
import be.permitarchive.register.internal.JsonlExporter;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality gate on paperwork the team did not write: the development set ({@code src/test/resources/dev-set}, 12
 * dossiers of another municipality's house style, with their reference data and ground truth) through the real
 * ingest job (real Tesseract, real PostgreSQL), exported as {@code archive export} writes it, and scored with
 * score.py's rules ({@link DevSetScorer}), as {@code jobs/bench-quality.sh} scores it. Prints the table and writes it
 * to {@code target/dev-set-quality.md}. One ingest (about 90 pages) for every test method.
 * <p>
 * The floors below are what the pipeline achieved when this test was written, rounded down: they catch a change that
 * makes reading worse, not a pipeline that is good. Issue 15's targets are precision >= 0.97 and recall >= 0.90 on
 * every field, automation >= 0.75 of the dossiers, silent errors 0, no valid file quarantined and the typed pages'
 * bag-of-words error <= 0.06; the floors are raised toward them as the pipeline improves, never lowered to let a
 * change through.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevSetQualityTest {

	/**
	 * Minimum precision per field, rounded down from what the pipeline reads (target 0.97 on every field). Before
	 * issue 15: reference 0.44, addresses 0.67.
	 */
	static final Map<String, Double> MIN_PRECISION = floors(
			"reference", 1.00,
			"omvNumber", 1.00,
			"permitType", 1.00,
			"decision", 1.00,
			"decisionDate", 1.00,
			"pageCount", 0.91,
			"parcels", 1.00,
			"addresses", 1.00,
			"applicants", 1.00);

	/**
	 * Minimum recall per field (target 0.90 on every field): what the pipeline reads less one item, so that one value
	 * read differently on another machine does not fail the build, two do. Before issue 15: reference 0.33,
	 * permitType 0.50, decision 0.42, decisionDate 0.50, parcels 0.65, addresses 0.29, applicants 0.67; after it
	 * 1.00, 0.92, 1.00, 0.92, 1.00, 1.00 and 0.93.
	 */
	static final Map<String, Double> MIN_RECALL = floors(
			"reference", 0.91,
			"omvNumber", 1.00,
			"permitType", 0.83,
			"decision", 0.91,
			"decisionDate", 0.83,
			"pageCount", 0.91,
			"parcels", 0.94,
			"addresses", 0.92,
			"applicants", 0.86);

	/**
	 * Minimum share of dossiers registered with no review flag and every key field right (the target is 0.75): 0 of
	 * 12 before issue 15, 11 of 12 after it (the one left for review is the dossier whose typed pages are 200 ppi
	 * bilevel with broken strokes); one dossier of slack.
	 */
	static final double MIN_AUTOMATION = 0.83;

	/** Dossiers registered without a review flag while a key field is wrong: none, today and always. */
	static final int MAX_SILENT_ERRORS = 0;

	/**
	 * Files of the set in quarantine; every file of the set is valid (libtiff and the tesseract command read them all).
	 * Before issue 15 one was: the JPEG-in-TIFF without JPEGTables of BA-1995-0438, which the JDK's reader reads.
	 */
	static final int MAX_QUARANTINED_FILES = 0;

	/**
	 * Highest bag-of-words error on the typed pages, read from the register's page text (target 0.06, and under plain
	 * tesseract's 0.266): 0.262 before issue 15 with the quarantined file's pages read as nothing, 0.160 after it, of
	 * which 0.13 are eight pages whose characters are missing from the scan (carbon copies, 200 ppi bilevel pages).
	 */
	static final double MAX_BAG_OF_WORDS_ERROR = 0.17;

	static final Path DEV_SET = Path.of("src", "test", "resources", "dev-set");

	static final Path REPORT = Path.of("target", "dev-set-quality.md");

	static final Path work = TestDeliveries.workDir("dev-set-quality");

	@Autowired
	IngestRunner runner;

	@Autowired
	JsonlExporter exporter;

	@Autowired
	JdbcClient jdbc;

	IngestResult result;

	Score score;

	TextScore typed;

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", TestRegister::newDatabase);
		registry.add("store.dir", () -> work.resolve("store").toString());
	}

	@BeforeAll
	void ingestExportAndScore() throws Exception {
		this.result = this.runner.ingest(DEV_SET.resolve("delivery"), DEV_SET.resolve("reference"), true);
		StringWriter export = new StringWriter();
		this.exporter.export(export, false);
		List<JsonNode> truth = DevSetScorer.readTruth(DEV_SET.resolve("truth"));
		this.score = DevSetScorer.score(DevSetScorer.readExport(export.toString()), truth);
		this.typed = DevSetScorer.typedPages(truth, registeredTexts());
		String table = table();
		System.out.println(table);
		Files.createDirectories(REPORT.getParent());
		Files.writeString(REPORT, table, StandardCharsets.UTF_8);
	}

	@Test
	void theJobCompletesAndEveryDossierOfTheSetIsInTheExport() {
		assertThat(this.result.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.score.dossiers()).hasSize(12);
		assertThat(this.score.missing()).isEmpty();
	}

	@Test
	void everyFieldTheScorerScoresHasAFloor() {
		assertThat(MIN_PRECISION).containsOnlyKeys(this.score.fields().keySet());
		assertThat(MIN_RECALL).containsOnlyKeys(this.score.fields().keySet());
	}

	@Test
	void everyFieldIsAtLeastAsPreciseAsItsFloor() {
		MIN_PRECISION.forEach((field, floor) -> assertThat(this.score.field(field).precision())
			.as("%s precision %s", field, this.score.field(field))
			.isGreaterThanOrEqualTo(floor));
	}

	@Test
	void everyFieldIsFoundAtLeastAsOftenAsItsFloor() {
		MIN_RECALL.forEach((field, floor) -> assertThat(this.score.field(field).recall())
			.as("%s recall %s", field, this.score.field(field))
			.isGreaterThanOrEqualTo(floor));
	}

	@Test
	void atLeastTheFloorsShareOfDossiersIsRegisteredWithEveryKeyFieldRight() {
		assertThat(this.score.automation()).as(dossierLines()).isGreaterThanOrEqualTo(MIN_AUTOMATION);
	}

	@Test
	void noDossierIsRegisteredWithoutAReviewFlagWhileAKeyFieldIsWrong() {
		assertThat(this.score.dossiers().stream().filter(Dossier::silentError).toList()).as(dossierLines())
			.hasSizeLessThanOrEqualTo(MAX_SILENT_ERRORS);
	}

	@Test
	void noMoreValidFilesAreQuarantinedThanTheFloorAllows() {
		assertThat(this.result.summary().quarantine()).hasSizeLessThanOrEqualTo(MAX_QUARANTINED_FILES);
	}

	@Test
	void theTypedPagesAreReadWithinTheBagOfWordsCeiling() {
		assertThat(this.typed.pages()).isEqualTo(44);
		assertThat(this.typed.bagOfWordsError()).isLessThanOrEqualTo(MAX_BAG_OF_WORDS_ERROR);
	}

	/** The register's text of every page of the set, by dossier folder, file and 1-based page number. */
	private DevSetScorer.PageTexts registeredTexts() {
		Map<String, String> texts = new HashMap<>();
		this.jdbc.sql("""
				select d.folder, doc.path, p.page_index, p.text from page p join document doc on doc.id = p.document_id
				join dossier d on d.id = doc.dossier_id""").query((row, n) -> {
			texts.put(row.getString("folder") + "/" + row.getString("path") + "#" + (row.getInt("page_index") + 1),
					row.getString("text"));
			return null;
		}).list();
		return (folder, file, index) -> texts.get(folder + "/" + file + "#" + index);
	}

	private String table() {
		StringBuilder md = new StringBuilder("# Development set: quality\n\n");
		md.append("The dev set (src/test/resources/dev-set) through the ingest job, exported and scored with ")
			.append("score.py's rules (DevSetQualityTest). Floors: the constants at the top of the test.\n\n")
			.append("| field | precision | recall | correct / predicted / truth | floor P | floor R |\n")
			.append("|---|---|---|---|---|---|\n");
		this.score.fields().forEach((name, c) -> md.append(String.format(Locale.ROOT,
				"| %s | %.2f | %.2f | %d / %d / %d | %.2f | %.2f |%n", name, c.precision(), c.recall(), c.correct(),
				c.predicted(), c.truth(), MIN_PRECISION.get(name), MIN_RECALL.get(name))));
		md.append(String.format(Locale.ROOT, "%nAutomation: %d/%d dossiers registered with no review and every key "
				+ "field right (floor %.2f); silent errors: %d registered with a key field wrong (at most %d).%n",
				this.score.automated(), this.score.dossiers().size(), MIN_AUTOMATION, this.score.silentErrors(),
				MAX_SILENT_ERRORS));
		md.append(String.format(Locale.ROOT, "Dossiers: %d registered, %d needs review, %d quarantined; %d file(s) in "
				+ "quarantine (at most %d).%n", this.score.withStatus("registered"),
				this.score.withStatus("needs-review"), this.score.withStatus("quarantined"),
				this.result.summary().quarantine().size(), MAX_QUARANTINED_FILES));
		md.append(String.format(Locale.ROOT, "Typed pages (%d, the register's text): bag-of-words error %.3f (at most "
				+ "%.2f), CER %.3f.%n", this.typed.pages(), this.typed.bagOfWordsError(), MAX_BAG_OF_WORDS_ERROR,
				this.typed.characterErrorRate()));
		if (!this.score.missing().isEmpty()) {
			md.append("Missing from the export: ").append(String.join(", ", this.score.missing())).append('\n');
		}
		md.append("\n| dossier | status | key fields wrong |\n|---|---|---|\n").append(dossierLines());
		this.result.summary().quarantine().forEach((q) -> md.append("\nQuarantined: ").append(q.path()).append(" (")
			.append(q.reasonCode()).append(")"));
		return md.append('\n').toString();
	}

	private String dossierLines() {
		StringBuilder lines = new StringBuilder();
		for (Dossier dossier : this.score.dossiers()) {
			lines.append("| ").append(dossier.folder()).append(" | ")
				.append(dossier.missing() ? "missing" : dossier.status()).append(" | ")
				.append(String.join(", ", dossier.wrongKeyFields())).append(" |\n");
		}
		return lines.toString();
	}

	/** Floors by field, in the order given (the table's order). */
	private static Map<String, Double> floors(Object... fieldsAndFloors) {
		Map<String, Double> floors = new LinkedHashMap<>();
		for (int i = 0; i < fieldsAndFloors.length; i += 2) {
			floors.put((String) fieldsAndFloors[i], (Double) fieldsAndFloors[i + 1]);
		}
		return floors;
	}

}
