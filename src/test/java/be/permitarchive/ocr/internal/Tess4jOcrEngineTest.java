package be.permitarchive.ocr.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import be.permitarchive.ocr.RecognizedPage;
import be.permitarchive.ocr.TextAccuracy;
import be.permitarchive.ocr.Word;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Real Tesseract on real test pages from the Tesseract project's own test set. */
class Tess4jOcrEngineTest {

	private static Tess4jOcrEngine engine;

	@BeforeAll
	static void startEngine() {
		engine = new Tess4jOcrEngine("eng", null, 60_000, 5f);
	}

	@AfterAll
	static void stopEngine() {
		engine.close();
	}

	@Test
	void readsABusinessLetterCloseToItsGroundTruth() throws Exception {
		// given
		BufferedImage page = image("real-scans/tesseract-test/phototest.tif");
		String truth = text("real-scans/tesseract-test/phototest.gold.txt");

		// when
		RecognizedPage result = engine.recognize(page, 0);

		// then
		assertThat(TextAccuracy.characterErrorRate(truth, result.text())).isLessThan(0.03);
		assertThat(result.meanConfidence()).isGreaterThan(80f);
		assertThat(result.rotation()).isZero();
		assertThat(result.altoXml()).contains("<alto").contains("CONTENT=\"quick\"");
		Word quick = result.words().stream().filter((w) -> w.text().equals("quick")).findFirst().orElseThrow();
		assertThat(quick.width()).isGreaterThan(20);
		assertThat(quick.left()).isBetween(0, page.getWidth());
	}

	@Test
	void turnsAnUpsideDownPageUprightBeforeReadingIt() throws Exception {
		// given
		BufferedImage upsideDown = image("real-scans/tesseract-test/phototest-rotated-180.png");
		String truth = text("real-scans/tesseract-test/phototest.gold.txt");

		// when
		RecognizedPage result = engine.recognize(upsideDown, 0);

		// then
		assertThat(result.rotation()).isEqualTo(180);
		assertThat(TextAccuracy.characterErrorRate(truth, result.text())).isLessThan(0.05);
	}

	@Test
	void turnsAPageLyingOnItsSideUpright() throws Exception {
		// given
		BufferedImage sideways = image("real-scans/tesseract-test/phototest-rotated-L.png");
		String truth = text("real-scans/tesseract-test/phototest.gold.txt");

		// when
		RecognizedPage result = engine.recognize(sideways, 0);

		// then
		assertThat(result.rotation()).isIn(90, 270);
		assertThat(TextAccuracy.characterErrorRate(truth, result.text())).isLessThan(0.05);
	}

	@Test
	void aBlankImageGivesAnEmptyPageNotAnError() throws Exception {
		// given
		BufferedImage blank = new BufferedImage(1200, 1600, BufferedImage.TYPE_BYTE_GRAY);
		var g = blank.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, 1200, 1600);
		g.dispose();

		// when
		RecognizedPage result = engine.recognize(blank, 300);

		// then
		assertThat(result.isEmpty()).isTrue();
		assertThat(result.words()).isEmpty();
	}

	static BufferedImage image(String resource) throws IOException {
		try (InputStream in = Tess4jOcrEngineTest.class.getClassLoader().getResourceAsStream(resource)) {
			return ImageIO.read(in);
		}
	}

	static String text(String resource) throws IOException {
		try (InputStream in = Tess4jOcrEngineTest.class.getClassLoader().getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
