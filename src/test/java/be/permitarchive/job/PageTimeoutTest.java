package be.permitarchive.job;

import java.nio.file.Path;
import java.util.Map;

import be.permitarchive.job.IngestRunner.IngestResult;
import be.permitarchive.ocr.OcrEngineFactory;
import be.permitarchive.ocr.OcrException;
import be.permitarchive.ocr.OcrProperties;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import be.permitarchive.support.WrappedTesseract;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page that never finishes OCR does not hang the job: it is recorded as failed with the reason, the dossier goes to
 * review, and the other pages are read. The engine hangs on one page only (a fake for control flow); every other
 * page is read by real Tesseract.
 */
@SpringBootTest(properties = { "ocr.page-timeout=2s", "ocr.workers=2", "ocr.language=eng" })
class PageTimeoutTest {

	static final Path work = TestDeliveries.workDir("page-timeout");

	/** phototest.tif is 640 pixels wide: the engine hangs on it. */
	static final int HANGING_WIDTH = 640;

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", TestRegister::newDatabase);
		registry.add("store.dir", () -> work.resolve("store").toString());
	}

	@Test
	void aHangingPageIsRecordedAsTimedOutAndTheRestIsRead() throws Exception {
		// given
		Path delivery = work.resolve("delivery");
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", delivery.resolve("1990-0001"));
		TestDeliveries.copy("real-scans/tesseract-test/eurotext.tif", delivery.resolve("1990-0001"));

		// when
		long start = System.nanoTime();
		IngestResult result = this.runner.ingest(delivery, null, true);
		long seconds = (System.nanoTime() - start) / 1_000_000_000L;

		// then
		assertThat(result.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(seconds).as("the job waits for the page deadline, not for the page").isLessThan(60);
		Map<String, Object> hung = page("phototest.tif");
		assertThat(hung.get("kind")).isEqualTo("failed");
		assertThat((String) hung.get("skipped_why")).startsWith("ocr-timeout");
		assertThat((String) page("eurotext.tif").get("text")).contains("brown");
		assertThat(this.jdbc.sql("select status from dossier").query(String.class).single()).isEqualTo("needs-review");
		assertThat(this.jdbc.sql("select code from dossier_issue").query(String.class).list()).contains("ocr-timeout");
	}

	private Map<String, Object> page(String file) {
		return this.jdbc.sql("select p.* from page p join document d on d.id = p.document_id where d.path = :file")
			.param("file", file)
			.query()
			.singleRow();
	}

	@TestConfiguration
	static class HangingOnOnePage {

		@Bean
		@Primary
		OcrEngineFactory hangingOnOnePage(OcrProperties ocr) {
			return WrappedTesseract.around(ocr.language(), (image) -> {
				if (image.getWidth() == HANGING_WIDTH) {
					try {
						Thread.sleep(600_000);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new OcrException("interrupted");
					}
				}
			});
		}

	}

}
