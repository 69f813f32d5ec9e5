package be.permitarchive.job;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import be.permitarchive.ocr.OcrEngineFactory;
import be.permitarchive.ocr.OcrProperties;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import be.permitarchive.support.WrappedTesseract;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

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
 * The same file in two dossiers is OCR'd once: the second dossier gets the same page text and a searchable PDF, from
 * the record of the first. Real Tesseract reads; a counting wrapper only counts (control flow).
 */
@SpringBootTest(properties = { "ocr.language=eng", "ocr.workers=1" })
class DuplicateFilesTest {

	static final Path work = TestDeliveries.workDir("duplicates");

	static final AtomicInteger recognitions = new AtomicInteger();

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	be.permitarchive.ocr.Readings readings;

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", TestRegister::newDatabase);
		registry.add("store.dir", () -> work.resolve("store").toString());
	}

	@Test
	void aFileInTwoDossiersIsOcrdOnce() throws Exception {
		// given
		Path delivery = work.resolve("delivery");
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", delivery.resolve("1990-0001"));
		Path copy = TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", delivery.resolve("1990-0002"));
		java.nio.file.Files.move(copy, copy.resolveSibling("bijlage-kopie.tif")); // another dossier, another name
		int before = recognitions.get();
		int takenBefore = this.readings.taken();

		// when
		this.runner.ingest(delivery, null, true);

		// then
		// the page was read once for the register: by a worker, or taken from the validation's legibility sample
		assertThat((recognitions.get() - before) + (this.readings.taken() - takenBefore))
			.as("readings the ocr step used (its workers' OCR runs and the sample's pages it took)")
			.isEqualTo(1);
		List<String> texts = this.jdbc.sql("select p.text from page p order by p.id").query(String.class).list();
		assertThat(texts).hasSize(2).allSatisfy((text) -> assertThat(text).contains("quick brown dog"));
		assertThat(texts.get(0)).isEqualTo(texts.get(1));
		for (String pdf : this.jdbc.sql("select searchable_pdf from dossier").query(String.class).list()) {
			try (var document = Loader.loadPDF(Path.of(pdf).toFile())) {
				assertThat(new PDFTextStripper().getText(document)).contains("quick brown dog");
			}
		}
		assertThat(this.jdbc.sql("select count(distinct alto_path) from page").query(Integer.class).single())
			.as("each dossier has its own ALTO").isEqualTo(2);
	}

	@TestConfiguration
	static class CountingEngine {

		@Bean
		@Primary
		OcrEngineFactory counting(OcrProperties ocr) {
			return WrappedTesseract.around(ocr.language(), (image) -> {
				if (Thread.currentThread().getName().startsWith("ocr-")) {
					recognitions.incrementAndGet(); // the ingest's workers; validation samples on its own thread
				}
			});
		}

	}

}
