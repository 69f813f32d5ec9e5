package be.permitarchive.job;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import be.permitarchive.ocr.TextAccuracy;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import be.permitarchive.validate.TestPages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A letter scanned at 600 ppi is read at 300 ppi, as well as at its own resolution, and its access copy keeps the
 * page's paper size; the original file is not touched. The run's progress is told as it goes.
 */
@SpringBootTest(properties = { "ocr.workers=1" })
class OverResolvedScanTest {

	static final Path work = TestDeliveries.workDir("over-resolved");

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IngestProgress progress;

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", TestRegister::newDatabase);
		registry.add("store.dir", () -> work.resolve("store").toString());
	}

	@Test
	void aSixHundredPpiLetterIsReadAtThreeHundred() throws Exception {
		// given: the sample cover sheet (A4, 300 ppi) scanned again at 600 ppi
		Path sample = Path.of("sample-scans/delivery/0004_OMV_2023072614/01_dekblad.png");
		BufferedImage page = ImageIO.read(sample.toFile());
		Path scan = work.resolve("delivery/2023-0312/dekblad-600ppi.png");
		TestPages.png(twice(page), 600, scan); // records its resolution (pHYs), as a scanner writes it
		byte[] original = Files.readAllBytes(scan);
		String truth = groundTruth("0004_OMV_2023072614", "01_dekblad.png");

		java.util.List<IngestProgress.Snapshot> told = new java.util.concurrent.CopyOnWriteArrayList<>();
		IngestProgress.Listener listener = new IngestProgress.Listener() {

			@Override
			public void started(IngestProgress.Snapshot progress) {
				told.add(progress);
			}

			@Override
			public void advanced(IngestProgress.Snapshot progress) {
				told.add(progress);
			}

			@Override
			public void finished(IngestProgress.Snapshot progress) {
				told.add(progress);
			}

		};
		this.progress.listen(listener);

		// when
		try {
			this.runner.ingest(scan.getParent().getParent(), null, true);
		}
		finally {
			this.progress.stopListening(listener);
		}

		// then
		Map<String, Object> registered = this.jdbc.sql("select * from page").query().singleRow();
		assertThat(registered.get("dpi")).isEqualTo(300);
		assertThat((Integer) registered.get("width_px")).isBetween(2470, 2490);
		assertThat(registered.get("ocr_engine")).isNotNull();
		assertThat(TextAccuracy.characterErrorRate(truth, (String) registered.get("text"))).isLessThan(0.02);
		String pdf = this.jdbc.sql("select searchable_pdf from dossier").query(String.class).single();
		try (PDDocument document = Loader.loadPDF(Path.of(pdf).toFile())) {
			assertThat(document.getPage(0).getMediaBox().getWidth()).as("A4 in points").isBetween(590f, 600f);
		}
		assertThat(Files.readAllBytes(scan)).as("the original file").isEqualTo(original);
		assertThat(told).as("progress told at the start, after the chunk and at the end").hasSize(3);
		assertThat(told.get(0).dossiersTotal()).isEqualTo(1);
		assertThat(told.get(0).pagesTotal()).isEqualTo(1);
		assertThat(told.get(2).dossiersDone()).isEqualTo(1);
		assertThat(told.get(2).pagesDone()).isEqualTo(1);
		assertThat(told.get(2).pagesPerSecond()).isPositive();
	}

	private static BufferedImage twice(BufferedImage image) {
		BufferedImage big = new BufferedImage(image.getWidth() * 2, image.getHeight() * 2, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = big.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.drawImage(image, 0, 0, big.getWidth(), big.getHeight(), null);
		g.dispose();
		return big;
	}

	private static String groundTruth(String folder, String file) throws Exception {
		JsonNode dossier = JsonMapper.builder().build()
			.readTree(Files.readString(Path.of("sample-scans/ground-truth/" + folder + ".json")));
		for (JsonNode document : dossier.get("documents")) {
			if (document.get("file").asString().equals(file)) {
				return document.get("pages").get(0).get("text").asString();
			}
		}
		throw new IllegalArgumentException(file);
	}

}
