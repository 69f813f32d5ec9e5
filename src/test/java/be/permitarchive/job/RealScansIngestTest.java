package be.permitarchive.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import be.permitarchive.job.IngestRunner.IngestResult;
import be.permitarchive.ocr.TextAccuracy;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real scan and hard case from the OCRmyPDF and Tesseract test suites, one dossier each, in one delivery: each
 * file is registered with readable text or quarantined with a reason; none crashes, hangs or exhausts the memory of
 * this test JVM (-Xmx2g, see the pom): a 9000x9000 colour page, a 35000x35000 bilevel page, a 2400 ppi image on a
 * small page, JBIG2 and CCITT scans, skewed and rotated pages, an OCR'd PDF, an invalid PDF.
 */
@SpringBootTest(properties = "ocr.language=eng")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealScansIngestTest {

	static final Path work = TestDeliveries.workDir("real-scans");

	static final List<String> SCANS = List.of("ocrmypdf/2400dpi.pdf", "ocrmypdf/baiona.png", "ocrmypdf/blank.pdf",
			"ocrmypdf/c02-22.pdf", "ocrmypdf/ccitt.pdf", "ocrmypdf/enormous.pdf", "ocrmypdf/epson.pdf",
			"ocrmypdf/francais.pdf", "ocrmypdf/graph_ocred.pdf", "ocrmypdf/hugemono.pdf", "ocrmypdf/invalid.pdf",
			"ocrmypdf/jbig2.pdf", "ocrmypdf/linn.pdf", "ocrmypdf/multipage.pdf", "ocrmypdf/poster.pdf",
			"ocrmypdf/rotated_skew.pdf", "ocrmypdf/skew.pdf", "ocrmypdf/typewriter.png",
			"tesseract-test/8087_054.3B.tif", "tesseract-test/deslant.tif", "tesseract-test/eurotext.tif",
			"tesseract-test/phototest-rotated-L.png");

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcClient jdbc;

	IngestResult result;

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", TestRegister::newDatabase);
		registry.add("store.dir", () -> work.resolve("store").toString());
	}

	@BeforeAll
	void ingestEveryRealScan() throws Exception {
		Path delivery = work.resolve("delivery");
		for (String scan : SCANS) {
			String name = Path.of(scan).getFileName().toString();
			TestDeliveries.copy("real-scans/" + scan, delivery.resolve(name.substring(0, name.lastIndexOf('.'))));
		}
		this.result = this.runner.ingest(delivery, null, true);
	}

	@Test
	void theJobCompletesAndEveryFileIsRegisteredOrQuarantined() {
		assertThat(this.result.status()).isEqualTo(BatchStatus.COMPLETED);
		int registered = count("select count(*) from document where status = 'registered'");
		int quarantined = count("select count(*) from quarantine");
		assertThat(registered + quarantined).isEqualTo(SCANS.size());
		assertThat(this.jdbc.sql("select path from quarantine").query(String.class).list())
			.containsExactly("invalid/invalid.pdf");
	}

	@Test
	void everyRegisteredFileHasReadableTextUnlessItIsBlank() {
		List<Map<String, Object>> documents = this.jdbc.sql("""
				select d.path, string_agg(p.kind, ',') as kinds, sum(length(p.text)) as characters
				from document d join page p on p.document_id = d.id group by d.path order by d.path""")
			.query()
			.listOfRows();
		assertThat(documents).hasSize(SCANS.size() - 1);
		for (Map<String, Object> document : documents) {
			if (document.get("path").equals("blank.pdf")) {
				assertThat(document.get("kinds")).isEqualTo("blank");
				continue;
			}
			assertThat(((Number) document.get("characters")).intValue()).as("text of " + document.get("path"))
				.isGreaterThan(20);
			assertThat((String) document.get("kinds")).as(document.get("path").toString()).doesNotContain("failed");
		}
	}

	@Test
	void theLettersWithGroundTruthAreReadAsWellAsTheTesseractCommandReadsThem() throws Exception {
		for (String letter : List.of("8087_054.3B", "eurotext")) {
			// given
			Path image = resource("tesseract-test/" + letter + ".tif");
			String truth = Files.readString(resource("tesseract-test/" + letter + ".txt"), StandardCharsets.UTF_8);
			Process cli = new ProcessBuilder("tesseract", image.toString(), "-", "-l", "eng").redirectError(
					ProcessBuilder.Redirect.DISCARD).start();
			String cliText = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			cli.waitFor();

			// when
			String text = this.jdbc.sql("""
					select p.text from page p join document d on d.id = p.document_id where d.path = :file""")
				.param("file", letter + ".tif")
				.query(String.class)
				.single();

			// then: the UNLV ground truth differs from any OCR in reading order and markup, so compare to the CLI
			double ours = TextAccuracy.characterErrorRate(truth, text);
			double tesseract = TextAccuracy.characterErrorRate(truth, cliText);
			assertThat(ours).as(letter + ": pipeline vs tesseract CLI " + tesseract).isLessThanOrEqualTo(tesseract + 0.005);
			assertThat(ours).as(letter).isLessThan(0.10);
		}
	}

	@Test
	void theSidewaysPageIsTurnedUpright() {
		assertThat(this.jdbc.sql("""
				select p.rotation from page p join document d on d.id = p.document_id
				where d.path = 'phototest-rotated-L.png'""").query(Integer.class).single()).isIn(90, 270);
	}

	@Test
	void theHugePagesAreReadWithinThePixelBudget() {
		List<Map<String, Object>> huge = this.jdbc.sql("""
				select d.path, p.width_px, p.height_px, p.text from page p join document d on d.id = p.document_id
				where d.path in ('hugemono.pdf', 'enormous.pdf')""").query().listOfRows();
		assertThat(huge).hasSize(2).allSatisfy((page) -> {
			long pixels = ((Number) page.get("width_px")).longValue() * ((Number) page.get("height_px")).longValue();
			assertThat(pixels).isLessThanOrEqualTo(80_000_000L);
		});
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	private static Path resource(String name) {
		try (Stream<Path> unused = Stream.empty()) {
			return Path.of("src", "test", "resources", "real-scans", name);
		}
	}

}
