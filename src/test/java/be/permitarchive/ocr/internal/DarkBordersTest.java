package be.permitarchive.ocr.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import be.permitarchive.ocr.PageImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What is painted over before OCR, and what never is. */
class DarkBordersTest {

	@Test
	void theBorderAlongTheEdgesIsPaintedInPaperGreyAndTheTextIsLeftAlone() {
		// given
		BufferedImage page = HardPagesTest.bordered(HardPagesTest.typewritten(150, 218, 150, 0));
		int textPixel = darkestInside(page);

		// when
		BufferedImage painted = DarkBorders.painted(page);

		// then: no dark pixel left on the edges, the punch holes and the text as they were
		for (int x = 0; x < painted.getWidth(); x++) {
			assertThat(painted.getRaster().getSample(x, painted.getHeight() - 1, 0)).isEqualTo(218);
		}
		assertThat(painted.getRaster().getSample(painted.getWidth() - 1, 10, 0)).isEqualTo(218);
		int hole = page.getWidth() / 30 + page.getWidth() / 80;
		assertThat(painted.getRaster().getSample(hole, page.getHeight() / 3 + page.getWidth() / 80, 0)).isEqualTo(12);
		assertThat(darkestInside(painted)).isEqualTo(textPixel);
		assertThat(painted).isNotSameAs(page);
	}

	@Test
	void aPageWithoutADarkEdgeIsNotCopied() {
		BufferedImage page = PageImages.toGray(HardPagesTest.typewritten(150, 240, 30, 0));

		assertThat(DarkBorders.painted(page)).isSameAs(page);
	}

	@Test
	void aPageOfWhiteOnBlackIsNoBorderAndIsLeftAsItIs() {
		BufferedImage negative = PageImages.toGray(HardPagesTest.typewritten(150, 20, 230, 0));

		assertThat(DarkBorders.painted(negative)).isSameAs(negative);
	}

	@Test
	void aPictureToTheEdgeOverMuchOfThePageIsNoBorderAndIsLeftAsItIs() {
		// given: a dark photograph over the lower 45% of the sheet, to its edges
		BufferedImage page = PageImages.toGray(HardPagesTest.typewritten(150, 240, 30, 0));
		Graphics2D g = page.createGraphics();
		g.setColor(new Color(30, 30, 30));
		g.fillRect(0, page.getHeight() * 55 / 100, page.getWidth(), page.getHeight());
		g.dispose();

		// when / then
		assertThat(DarkBorders.painted(page)).isSameAs(page);
	}

	private static int darkestInside(BufferedImage page) {
		int darkest = 255;
		for (int y = page.getHeight() / 10; y < page.getHeight() / 2; y++) {
			for (int x = page.getWidth() / 10; x < page.getWidth() * 9 / 10; x++) {
				darkest = Math.min(darkest, page.getRaster().getSample(x, y, 0));
			}
		}
		return darkest;
	}

}
