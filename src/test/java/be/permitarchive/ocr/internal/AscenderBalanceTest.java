package be.permitarchive.ocr.internal;

import java.awt.image.BufferedImage;

import be.permitarchive.ocr.PageImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which way up a page of Dutch text is, from the shape of its lines, also when OCR reads nothing of it. */
class AscenderBalanceTest {

	@Test
	void uprightTextHasMoreInkAboveItsLinesThanBelowAndUpsideDownTextTheOpposite() {
		// given
		BufferedImage upright = PageImages.toGray(HardPagesTest.typewritten(200, 255, 0, 1.5));

		// when
		double balance = AscenderBalance.of(upright, 200);
		double turned = AscenderBalance.of(PageImages.toGray(PageImages.rotate(upright, 180)), 200);

		// then
		assertThat(balance).isGreaterThan(AscenderBalance.UNSURE);
		assertThat(turned).isLessThan(-AscenderBalance.UNSURE);
	}

	@Test
	void holdsForADegradedCarbonCopyThatReadsAsNoise() {
		BufferedImage copy = PageImages.toGray(HardPagesTest.degraded(HardPagesTest.typewritten(200, 255, 0, 0),
				0.42, 7));

		assertThat(AscenderBalance.of(copy, 200)).isGreaterThan(AscenderBalance.UNSURE);
		assertThat(AscenderBalance.of(PageImages.toGray(PageImages.rotate(copy, 180)), 200))
			.isLessThan(-AscenderBalance.UNSURE);
	}

	@Test
	void aBlankPageSaysNothing() {
		BufferedImage blank = PageImages.toGray(HardPagesTest.typewritten(200, 255, 255, 0));

		assertThat(AscenderBalance.of(blank, 200)).isZero();
	}

}
