package be.permitarchive.ocr.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import be.permitarchive.ocr.PageImages;
import be.permitarchive.ocr.RecognizedPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Tesseract ({@code nld}) on generated pages that read badly as they lie, as archive scans do: a degraded
 * bilevel carbon copy upside down, a faded typewritten page behind a black scanner border, a letter lying on its
 * side. What is measured is what the register gets: the words read and the rotation recorded.
 */
class HardPagesTest {

	static final String[] LINES = { "Het college van burgemeester en schepenen heeft de aanvraag",
			"tot stedenbouwkundige vergunning van de heer Jan Peeters onderzocht.",
			"De aanvraag betreft het bouwen van een eengezinswoning op een perceel",
			"gelegen aan de Kerkstraat, kadastraal bekend onder afdeling twee,",
			"sectie B, nummer vierhonderd en elf. Het openbaar onderzoek werd",
			"gehouden van de eerste tot de dertigste juni; er werden geen",
			"bezwaarschriften ingediend. Het college verleent de vergunning",
			"onder de volgende voorwaarden: de werken moeten binnen de twee jaar",
			"worden aangevat en de bouwlijn moet worden gevolgd.",
			"Namens het college, de secretaris en de burgemeester." };

	private static Tess4jOcrEngine engine;

	@BeforeAll
	static void startEngine() {
		engine = new Tess4jOcrEngine("nld", null, 120_000, 5f);
	}

	@AfterAll
	static void stopEngine() {
		engine.close();
	}

	@Test
	void aDegradedCarbonCopyUpsideDownIsTurnedUpright() throws Exception {
		// given: a bilevel 200 ppi typewritten page with strokes broken up, skewed, turned half round
		BufferedImage page = PageImages.rotate(degraded(typewritten(200, 255, 0, 1.7), 0.42, 7), 180);

		// when
		RecognizedPage result = engine.recognize(page, 200);

		// then
		assertThat(result.rotation()).isEqualTo(180);
	}

	@Test
	void aFadedPageBehindABlackScannerBorderIsReadWhole() throws Exception {
		// given: light grey typewriting on grey paper, a black border along two edges and two punch holes
		BufferedImage page = bordered(typewritten(300, 218, 150, 0.3));

		// when
		RecognizedPage result = engine.recognize(page, 300);

		// then
		assertThat(wordsFound(result.text())).isGreaterThan(0.9);
	}

	@Test
	void aLetterLyingOnItsSideIsReadWholeAndTurnedUpright() throws Exception {
		for (int turned : new int[] { 90, 270 }) {
			// given: the page scanned a quarter turn clockwise, or counter-clockwise
			BufferedImage page = PageImages.rotate(typewritten(300, 255, 20, 0), turned);

			// when
			RecognizedPage result = engine.recognize(page, 300);

			// then: read whole, and turned upright (for the access copy and the register)
			assertThat(wordsFound(result.text())).as("turned %d", turned).isGreaterThan(0.95);
			assertThat(result.rotation()).as("turned %d", turned).isEqualTo(360 - turned);
		}
	}

	/** A typewritten A4 page in grey: paper and ink levels, skewed by {@code skew} degrees. */
	static BufferedImage typewritten(int dpi, int paper, int ink, double skew) {
		BufferedImage image = new BufferedImage(dpi * 827 / 100, dpi * 1169 / 100, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(paper, paper, paper));
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.rotate(Math.toRadians(skew), image.getWidth() / 2.0, image.getHeight() / 2.0);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(new Color(ink, ink, ink));
		g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, dpi * 12 / 72));
		int y = dpi;
		for (int block = 0; block < 2; block++) {
			for (String line : LINES) {
				g.drawString(line, dpi, y);
				y += dpi * 18 / 72;
			}
			y += dpi / 3;
		}
		g.dispose();
		return image;
	}

	/** Bilevel, with {@code dropout} of the ink pixels lost, as on a worn carbon copy scanned in black and white. */
	static BufferedImage degraded(BufferedImage grey, double dropout, long seed) {
		Random random = new Random(seed);
		BufferedImage bilevel = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < grey.getHeight(); y++) {
			for (int x = 0; x < grey.getWidth(); x++) {
				boolean ink = (grey.getRaster().getSample(x, y, 0) < 128) && random.nextDouble() >= dropout;
				bilevel.getRaster().setSample(x, y, 0, ink ? 0 : 1);
			}
		}
		return bilevel;
	}

	/** A black band along the bottom and the right edge, and two punch holes, as a scanner lid leaves them. */
	static BufferedImage bordered(BufferedImage page) {
		Graphics2D g = page.createGraphics();
		g.setColor(new Color(12, 12, 12));
		int band = page.getWidth() / 40;
		g.fillRect(0, page.getHeight() - band, page.getWidth(), band);
		g.fillRect(page.getWidth() - band / 2, 0, band / 2, page.getHeight());
		int hole = page.getWidth() / 40;
		g.fillOval(page.getWidth() / 30, page.getHeight() / 3, hole, hole);
		g.fillOval(page.getWidth() / 30, page.getHeight() * 2 / 3, hole, hole);
		g.dispose();
		return page;
	}

	/** The share of the page's words (twice each block) that were read. */
	static double wordsFound(String text) {
		List<String> truth = new ArrayList<>();
		for (int block = 0; block < 2; block++) {
			for (String line : LINES) {
				truth.addAll(words(line));
			}
		}
		List<String> read = words(text);
		int found = 0;
		for (String word : truth) {
			if (read.remove(word)) {
				found++;
			}
		}
		return found / (double) truth.size();
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

}
