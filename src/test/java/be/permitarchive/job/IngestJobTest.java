package be.permitarchive.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import be.permitarchive.job.IngestRunner.IngestResult;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest job end to end on real scans, real Tesseract and a real PostgreSQL: what lands in the register, what
 * goes to quarantine and why, and that a second run registers nothing twice and OCRs nothing again.
 */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestJobTest {

	@TempDir
	static Path work;

	static Path delivery;

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobRepository jobRepository;

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", TestRegister::newDatabase);
		registry.add("store.dir", () -> work.resolve("store").toString());
		registry.add("ocr.language", () -> "eng");
	}

	@BeforeAll
	static void delivery() throws Exception {
		delivery = work.resolve("delivery");
		Path letters = delivery.resolve("1987-0456");
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", letters);
		TestDeliveries.copy("real-scans/tesseract-test/phototest-rotated-180.png", letters);
		Path mixed = delivery.resolve("BV-88-214");
		TestDeliveries.copy("real-scans/ocrmypdf/graph_ocred.pdf", mixed);
		TestDeliveries.copy("real-scans/ocrmypdf/blank.pdf", mixed);
		TestDeliveries.truncated("real-scans/tesseract-test/phototest.tif", mixed, "half-transferred.tif");
		Path broken = delivery.resolve("SV-1972-113");
		TestDeliveries.copy("real-scans/ocrmypdf/invalid.pdf", broken);
		TestDeliveries.encryptedPdf(broken, "protected.pdf");
		Files.createFile(broken.resolve("empty.tif"));
		Files.writeString(broken.resolve("notes.tif"), "not an image, whatever the name says");
		Files.writeString(delivery.resolve("stray-scan.jpg"), "loose");
		Files.writeString(delivery.resolve("manifest.csv"), "folder,reference\n1987-0456,1987/0456\n");
	}

	@Test
	@Order(1)
	void registersEveryReadablePageAndQuarantinesEveryBadFileWithItsReason() throws Exception {
		// when
		IngestResult result = this.runner.ingest(delivery, null, true);

		// then
		assertThat(result.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(result.exitCode()).isEqualTo(ExitCode.COMPLETED_WITH_FINDINGS);
		assertThat(this.jdbc.sql("""
				select verdict || ' ' || accepted_with_findings from delivery_validation""").query(String.class).single())
			.as("the delivery breaks the standard, was ingested on request, and the register says so")
			.isEqualTo("rejected true");
		assertThat(this.jdbc.sql("select distinct rule from delivery_finding").query(String.class).list())
			.contains("file.corrupt", "file.encrypted", "file.empty", "package.outside-dossier");
		// 1987-0456 is read completely, but the English test letters hold no permit metadata: it needs review
		assertThat(statusByFolder()).containsExactlyInAnyOrderEntriesOf(Map.of("1987-0456", "needs-review",
				"BV-88-214", "needs-review", "SV-1972-113", "quarantined"));
		assertThat(this.jdbc.sql("""
				select i.code from dossier_issue i join dossier d on d.id = i.dossier_id where d.folder = '1987-0456'
				order by i.code""").query(String.class).list())
			.containsExactly("extract.missing-decision", "extract.missing-decision-date", "extract.missing-location",
					"extract.missing-permit-type");
		assertThat(this.jdbc.sql("""
				select reference || ' from ' || (metadata -> 'provenance' -> 'reference' ->> 'method')
				from dossier where folder = '1987-0456'""").query(String.class).single())
			.as("the reference the documents lack comes from the manifest, and says so")
			.startsWith("1987/0456 from manifest");
		assertThat(reasonByPath()).containsExactlyInAnyOrderEntriesOf(Map.of(
				"SV-1972-113/invalid.pdf", "corrupt",
				"SV-1972-113/protected.pdf", "encrypted",
				"SV-1972-113/empty.tif", "empty-file",
				"SV-1972-113/notes.tif", "unsupported-type",
				"BV-88-214/half-transferred.tif", "corrupt",
				"stray-scan.jpg", "outside-dossier"));
		assertThat(kindsByFile()).containsExactlyInAnyOrderEntriesOf(Map.of(
				"phototest.tif", "text",
				"phototest-rotated-180.png", "text",
				"graph_ocred.pdf", "text-layer",
				"blank.pdf", "blank"));
	}

	@Test
	@Order(2)
	void everyFileIsEitherRegisteredOrInQuarantine() throws Exception {
		// given
		long filesInDossiers;
		try (var walk = Files.walk(delivery)) {
			filesInDossiers = walk.filter(Files::isRegularFile)
				.filter((p) -> !p.getParent().equals(delivery))
				.count();
		}

		// when
		int registered = this.jdbc.sql("select count(*) from document where status = 'registered'")
			.query(Integer.class).single();
		int quarantinedInDossiers = this.jdbc.sql("select count(*) from quarantine where dossier_id is not null")
			.query(Integer.class).single();

		// then
		assertThat(registered + quarantinedInDossiers).isEqualTo(filesInDossiers);
	}

	@Test
	@Order(3)
	void theOcrTextIsSearchableWithDutchFullTextSearch() {
		// when
		List<String> hits = this.jdbc.sql("""
				select doc.path from page p join document doc on doc.id = p.document_id
				where p.text_search @@ plainto_tsquery('dutch', 'quick brown dog') order by doc.path""")
			.query(String.class)
			.list();

		// then
		assertThat(hits).containsExactly("phototest-rotated-180.png", "phototest.tif");
	}

	@Test
	@Order(4)
	void theUpsideDownScanIsTurnedUprightAndReadLikeTheUprightOne() {
		// when
		Map<String, Object> upsideDown = this.jdbc.sql("""
				select p.rotation, p.mean_confidence, p.text from page p join document doc on doc.id = p.document_id
				where doc.path = 'phototest-rotated-180.png'""").query().singleRow();

		// then
		assertThat(upsideDown.get("rotation")).isEqualTo(180);
		assertThat(((Number) upsideDown.get("mean_confidence")).floatValue()).isGreaterThan(80f);
		assertThat((String) upsideDown.get("text")).contains("quick brown dog");
	}

	@Test
	@Order(5)
	void theDossierGetsASearchablePdfAndAltoPerOcrdPage() throws Exception {
		// when
		Map<String, Object> dossier = this.jdbc.sql("select searchable_pdf, store_key from dossier where folder = '1987-0456'")
			.query().singleRow();
		List<String> altos = this.jdbc.sql("""
				select p.alto_path from page p join document doc on doc.id = p.document_id
				join dossier d on d.id = doc.dossier_id where d.folder = '1987-0456'""").query(String.class).list();

		// then
		Path pdf = Path.of((String) dossier.get("searchable_pdf"));
		assertThat(pdf).exists().startsWith(work.resolve("store"));
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
			assertThat(document.getNumberOfPages()).isEqualTo(2);
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("quick brown dog");
		}
		assertThat(altos).hasSize(2).allSatisfy((alto) -> assertThat(Files.readString(Path.of(alto)))
			.contains("<alto").contains("CONTENT=\"quick\""));
	}

	@Test
	@Order(6)
	void aSecondRunRegistersNothingTwiceAndOcrsNothingAgain() throws Exception {
		// given
		List<Long> pageIds = pageIds();

		// when
		IngestResult again = this.runner.ingest(delivery, null, true);

		// then
		assertThat(again.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(again.nothingToDo()).as("nothing changed since a complete run").isTrue();
		assertThat(pageIds()).isEqualTo(pageIds);
		assertThat(this.jdbc.sql("select count(*) from batch_job_execution").query(Integer.class).single())
			.as("no job run for an unchanged delivery").isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from delivery_validation").query(Integer.class).single())
			.as("an unchanged delivery is not validated again").isEqualTo(1);
		assertThat(again.validation()).isNull();
		assertThat(again.summary().dossiers("registered") + again.summary().dossiers("needs-review")).isPositive();
		assertThat(this.jdbc.sql("select count(*) from quarantine").query(Integer.class).single()).isEqualTo(6);
	}

	@Test
	@Order(7)
	void aNewDossierInTheDeliveryIsTheOnlyOneProcessedNext() throws Exception {
		// given
		List<Long> pageIds = pageIds();
		TestDeliveries.copy("real-scans/tesseract-test/phototest-rotated-L.png", delivery.resolve("1990-0077"));

		// when
		IngestResult next = this.runner.ingest(delivery, null, true);

		// then
		assertThat(next.nothingToDo()).isFalse();
		assertThat(next.status()).isEqualTo(BatchStatus.COMPLETED);
		JobExecution execution = this.jobRepository.getJobExecution(next.executionId());
		StepExecution ocr = execution.getStepExecutions().stream()
			.filter((s) -> s.getStepName().equals("ocr"))
			.findFirst()
			.orElseThrow();
		assertThat(ocr.getReadCount()).as("dossiers read by the ocr step").isEqualTo(1);
		assertThat(pageIds()).hasSize(pageIds.size() + 1).containsAll(pageIds);
		assertThat(statusByFolder()).containsKey("1990-0077");
	}

	private List<Long> pageIds() {
		return this.jdbc.sql("select id from page order by id").query(Long.class).list();
	}

	private Map<String, String> statusByFolder() {
		return this.jdbc.sql("select folder, status from dossier").query((rs) -> {
			Map<String, String> map = new java.util.HashMap<>();
			while (rs.next()) {
				map.put(rs.getString(1), rs.getString(2));
			}
			return map;
		});
	}

	private Map<String, String> reasonByPath() {
		return this.jdbc.sql("select path, reason_code from quarantine").query((rs) -> {
			Map<String, String> map = new java.util.HashMap<>();
			while (rs.next()) {
				map.put(rs.getString(1), rs.getString(2));
			}
			return map;
		});
	}

	private Map<String, String> kindsByFile() {
		return this.jdbc.sql("""
				select doc.path, string_agg(p.kind, ',' order by p.page_index) from page p
				join document doc on doc.id = p.document_id group by doc.path""").query((rs) -> {
			Map<String, String> map = new java.util.HashMap<>();
			while (rs.next()) {
				map.put(rs.getString(1), rs.getString(2));
			}
			return map;
		});
	}

}
