package be.permitarchive.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

import be.permitarchive.dossier.PageKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page kinds on generated A4 pages at 300 ppi: what a photo sheet, a page of text and a blank page are. */
class PageClassifierTest {

	static final int DPI = 300;

	@Nested
	class PhotoSheets {

		@Test
		void aSheetWithOnePhotographAndItsCaptionIsAPhoto() {
			// given: a header, one photograph over a third of the sheet, a one-line caption, the rest paper
			BufferedImage sheet = sheet(1);

			// when / then
			assertThat(PageClassifier.classify(sheet, DPI).kind()).isEqualTo(PageKind.PHOTO);
		}

		@Test
		void aSheetWithTwoPhotographsIsAPhoto() {
			assertThat(PageClassifier.classify(sheet(2), DPI).kind()).isEqualTo(PageKind.PHOTO);
		}

		@Test
		void aPhotoSheetScannedInBlackAndWhiteIsAPhoto() {
			// given: the photograph dithered to dots, as a bilevel scanner setting makes it (white paper stays white)
			BufferedImage bilevel = dithered(sheet(1, 255));

			// when / then
			assertThat(PageClassifier.classify(bilevel, DPI).kind()).isEqualTo(PageKind.PHOTO);
		}

	}

	@Nested
	class TextPages {

		@Test
		void aPageOfTypedTextIsText() {
			assertThat(PageClassifier.classify(textPage(false), DPI).kind()).isEqualTo(PageKind.TEXT);
		}

		@Test
		void aPageOfTextWithAnIllustrationIsText() {
			// given: a book page, text all over, a picture in one corner (a sixth of the page)
			BufferedImage page = textPage(true);

			// when / then: its text must be read
			assertThat(PageClassifier.classify(page, DPI).kind()).isEqualTo(PageKind.TEXT);
		}

		@Test
		void aBlankPageIsBlank() {
			assertThat(PageClassifier.classify(paper(), DPI).kind()).isEqualTo(PageKind.BLANK);
		}

	}

	static BufferedImage paper() {
		return paper(240);
	}

	static BufferedImage paper(int level) {
		BufferedImage page = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = page.createGraphics();
		g.setColor(new Color(level, level, level));
		g.fillRect(0, 0, page.getWidth(), page.getHeight());
		g.dispose();
		return page;
	}

	/** A photo sheet: a header, then {@code photos} photographs, each with a caption below it. */
	static BufferedImage sheet(int photos) {
		return sheet(photos, 240);
	}

	static BufferedImage sheet(int photos, int paper) {
		BufferedImage page = paper(paper);
		Graphics2D g = text(page);
		g.drawString("FOTO'S BESTAANDE TOESTAND", 250, 300);
		for (int i = 0; i < photos; i++) {
			int top = 450 + i * 1500;
			photograph(page, 300, top, 1900, 1250, i);
			g.drawString("Foto " + (i + 1) + ": bestaande toestand voorgevel", 300, top + 1340);
		}
		g.dispose();
		return page;
	}

	/** Lines of text all over the page; with {@code illustration}, a picture in the top right corner. */
	static BufferedImage textPage(boolean illustration) {
		BufferedImage page = paper();
		Graphics2D g = text(page);
		for (int y = 300; y < 3300; y += 60) {
			boolean beside = illustration && y < 1500;
			g.drawString(beside ? "het college van burgemeester en" : "het college van burgemeester en schepenen verleent de vergunning",
					250, y);
		}
		g.dispose();
		if (illustration) {
			photograph(page, 1350, 280, 880, 1150, 3);
		}
		return page;
	}

	private static Graphics2D text(BufferedImage page) {
		Graphics2D g = page.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(new Color(25, 25, 25));
		g.setFont(new Font(Font.SERIF, Font.PLAIN, 42));
		return g;
	}

	/** A photograph of a house: sky, a wall, a roof, windows, grain. */
	static void photograph(BufferedImage page, int x, int y, int w, int h, long seed) {
		Graphics2D g = page.createGraphics();
		g.setPaint(new GradientPaint(x, y, new Color(150, 150, 150), x, y + h / 2f, new Color(205, 205, 205)));
		g.fillRect(x, y, w, h);
		g.setColor(new Color(110, 110, 110));
		g.fillRect(x, y + h * 2 / 3, w, h / 3);
		g.setColor(new Color(130, 130, 130));
		g.fillRect(x + w / 4, y + h / 3, w / 2, h / 2);
		g.setColor(new Color(45, 45, 45));
		g.fillPolygon(new int[] { x + w / 5, x + w / 2, x + w * 4 / 5 }, new int[] { y + h / 3, y + h / 8, y + h / 3 }, 3);
		for (int i = 0; i < 4; i++) {
			g.setColor(new Color(70, 70, 70));
			g.fillRect(x + w / 4 + 60 + i * w / 9, y + h / 2, w / 14, h / 8);
		}
		g.dispose();
		Random random = new Random(seed);
		for (int yy = y; yy < y + h; yy++) {
			for (int xx = x; xx < x + w; xx++) {
				int v = page.getRaster().getSample(xx, yy, 0) + random.nextInt(31) - 15;
				page.getRaster().setSample(xx, yy, 0, Math.max(0, Math.min(255, v)));
			}
		}
	}

	/** Black and white by error diffusion (Floyd-Steinberg), as scanners dither a photograph. */
	static BufferedImage dithered(BufferedImage grey) {
		int w = grey.getWidth();
		int h = grey.getHeight();
		float[] values = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				values[y * w + x] = grey.getRaster().getSample(x, y, 0);
			}
		}
		BufferedImage bilevel = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float old = values[y * w + x];
				int white = (old >= 128) ? 1 : 0;
				bilevel.getRaster().setSample(x, y, 0, white);
				float error = old - white * 255;
				if (x + 1 < w) {
					values[y * w + x + 1] += error * 7 / 16;
				}
				if (y + 1 < h) {
					if (x > 0) {
						values[(y + 1) * w + x - 1] += error * 3 / 16;
					}
					values[(y + 1) * w + x] += error * 5 / 16;
					if (x + 1 < w) {
						values[(y + 1) * w + x + 1] += error / 16;
					}
				}
			}
		}
		return bilevel;
	}

}
