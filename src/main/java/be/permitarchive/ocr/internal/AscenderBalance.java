package be.permitarchive.ocr.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Which way up a page of Latin text is, from the shape of its lines rather than from its words: Dutch (and any Latin)
 * text has more ink above its x-height (ascenders b d f h k l t, capitals, accents) than below its baseline
 * (descenders g j p q y). Decides between a page and the page turned half round when both readings are equally poor
 * (a degraded carbon copy that Tesseract reads as noise either way, and that orientation detection is unsure of).
 * <p>
 * The page is cut into vertical strips a third of an inch wide, so that a line skewed by 3 degrees drifts by a few
 * pixels only within a strip; in each strip, every line fragment (a run of rows with ink, of a text line's height)
 * has a band of rows with at least half its densest row's ink, its x-height band; the ink above that band counts up,
 * the ink below counts down. Rows that are nearly all ink (rules, underlines through the strip) are ignored. On the
 * dev set's 41 typed pages the sign was right on every one, in both orientations, beyond {@link #UNSURE} on all but
 * one (a margin of 0.026); on its 7 covers (large capitals, tables, handwriting) it was unsure or wrong on four,
 * which is why it only decides between readings that are equally good, and an unsure balance keeps the page as it
 * lies. Skew weakens it (3 degrees about halves it). Costs 3-30 ms a page.
 */
final class AscenderBalance {

	/** Balances within this of zero say nothing. */
	static final double UNSURE = 0.05;

	/** Ink is darker than this fraction of the paper level. */
	private static final double INK_LEVEL = 0.6;

	private AscenderBalance() {
	}

	/**
	 * From -1 (all ink below the baselines: upside down) to 1 (all above the x-height: upright); 0 when the page
	 * has no text lines.
	 * @param gray an 8-bit grey image with a tightly packed raster
	 */
	static double of(BufferedImage gray, int dpi) {
		int w = gray.getWidth();
		int h = gray.getHeight();
		int resolution = (dpi > 0) ? dpi : 300;
		byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
		int ink = (int) (DarkBorders.paperLevel(pixels) * INK_LEVEL);
		int strip = Math.max(16, resolution / 3);
		int minLine = Math.max(3, resolution / 30);
		int maxLine = resolution / 2;
		int[] rows = new int[h];
		long up = 0;
		long down = 0;
		for (int x0 = 0; x0 + strip <= w; x0 += strip) {
			for (int y = 0; y < h; y++) {
				int count = 0;
				int at = y * w + x0;
				for (int x = 0; x < strip; x++) {
					if ((pixels[at + x] & 0xff) < ink) {
						count++;
					}
				}
				rows[y] = (count * 10 > strip * 9) ? 0 : count;
			}
			int y = 0;
			while (y < h) {
				while (y < h && rows[y] == 0) {
					y++;
				}
				int start = y;
				int densest = 0;
				while (y < h && rows[y] > 0) {
					densest = Math.max(densest, rows[y]);
					y++;
				}
				int height = y - start;
				if (height < minLine || height > maxLine || densest < 3) {
					continue; // a speck, a drawing or a photograph: not a line of text
				}
				int bandTop = -1;
				int bandBottom = -1;
				for (int r = start; r < y; r++) {
					if (rows[r] * 2 >= densest) {
						bandTop = (bandTop < 0) ? r : bandTop;
						bandBottom = r;
					}
				}
				for (int r = start; r < bandTop; r++) {
					up += rows[r];
				}
				for (int r = bandBottom + 1; r < y; r++) {
					down += rows[r];
				}
			}
		}
		return (up + down == 0) ? 0 : (up - down) / (double) (up + down);
	}

}
