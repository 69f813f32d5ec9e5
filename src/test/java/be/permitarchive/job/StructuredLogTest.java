package be.permitarchive.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With JSON logging configured, the lines of a run are JSON objects that say which delivery, dossier and page they
 * are about, also the lines written on the dossier and OCR worker threads.
 */
@SpringBootTest(properties = { "ocr.language=eng", "ocr.workers=1", "logging.structured.format.file=ecs",
		"logging.level.be.permitarchive.ocr=DEBUG", "logging.level.be.permitarchive.job=DEBUG",
		"logging.file.name=" + StructuredLogTest.LOG })
class StructuredLogTest {

	static final String LOG = "target/structured-log/archive.json";

	static final Path work = TestDeliveries.workDir("structured-log");

	@Autowired
	IngestRunner runner;

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", TestRegister::newDatabase);
		registry.add("store.dir", () -> work.resolve("store").toString());
	}

	@Test
	void everyLineOfTheRunNamesItsDeliveryDossierAndPage() throws Exception {
		// given
		Path delivery = work.resolve("levering-2026-11");
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", delivery.resolve("1990-0001"));

		long before = Files.exists(Path.of(LOG)) ? Files.size(Path.of(LOG)) : 0; // only this run's lines count

		// when
		this.runner.ingest(delivery, null, true);

		// then
		JsonMapper json = JsonMapper.builder().build();
		byte[] log = Files.readAllBytes(Path.of(LOG));
		String written = new String(log, (int) before, log.length - (int) before, java.nio.charset.StandardCharsets.UTF_8);
		List<JsonNode> lines = written.lines()
			.filter((line) -> line.startsWith("{"))
			.map(json::readTree)
			.toList();
		assertThat(lines).isNotEmpty();
		List<JsonNode> ofTheRun = lines.stream()
			.filter((line) -> "levering-2026-11".equals(text(line, "delivery")))
			.toList();
		assertThat(ofTheRun).as("lines naming the delivery").isNotEmpty();
		assertThat(ofTheRun).as("a line of the OCR worker names the dossier and the page")
			.anyMatch((line) -> "1990-0001".equals(text(line, "dossier"))
					&& "phototest.tif p1".equals(text(line, "page"))
					&& line.path("process").path("thread").path("name").asString().matches("ocr-\\d+"));
	}

	private static String text(JsonNode line, String field) {
		JsonNode value = line.findValue(field);
		return (value == null) ? null : value.asString();
	}

}
