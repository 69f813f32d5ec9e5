package be.permitarchive.ocr;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import be.permitarchive.dossier.PageKind;

/**
 * Decides, cheaply and before OCR, what a scanned page is: blank (duplex backs, separator sheets), photo, plan
 * (large format) or text. Works on a sample of about 250,000 pixels, whatever the page size.
 */
public final class PageClassifier {

	/** Fraction of dark pixels below which a page is blank (scanner dust and paper texture stay below it). */
	static final double BLANK_INK = 0.0015;

	/** Dark samples in one band that make a line of text, however short the page's text is. */
	static final int LINE_OF_TEXT = 40;

	/** Longest side, in inches, from which a page is a plan (A3 is 16.5 in). */
	static final double PLAN_INCHES = 16.0;

	/**
	 * A photo has many mid-tones and no dominant paper tone. A text page on grey or yellowed paper has mid-tones too,
	 * but most of it is that one paper tone; a page with a picture and text (a book page, a photo sheet with a
	 * caption) keeps half its area as paper. Both are OCR'd: only a page that is essentially all photograph is
	 * skipped, because skipping a page with text would lose that text.
	 */
	static final double PHOTO_MID_TONES = 0.30;

	static final double PHOTO_PAPER = 0.50;

	private PageClassifier() {
	}

	public static Classification classify(BufferedImage image, int dpi) {
		Tones tones = Tones.of(image, dpi);
		if (tones.dark() < BLANK_INK && tones.darkestBand() < LINE_OF_TEXT) {
			return new Classification(PageKind.BLANK, "blank page (" + percent(tones.dark()) + " ink)");
		}
		if (tones.mid() > PHOTO_MID_TONES && tones.paper() < PHOTO_PAPER) {
			return new Classification(PageKind.PHOTO, "photograph (" + percent(tones.mid()) + " mid-tones, "
					+ percent(tones.paper()) + " paper)");
		}
		if (dpi > 0 && Math.max(image.getWidth(), image.getHeight()) / (double) dpi >= PLAN_INCHES) {
			return new Classification(PageKind.PLAN, "large format ("
					+ Math.round(image.getWidth() * 25.4 / dpi) + " x " + Math.round(image.getHeight() * 25.4 / dpi)
					+ " mm)");
		}
		return new Classification(PageKind.TEXT, null);
	}

	private static String percent(double fraction) {
		return String.format(java.util.Locale.ROOT, "%.2f%%", fraction * 100);
	}

	/** The kind of a page and why, for the register. */
	public record Classification(PageKind kind, String reason) {
	}

	/**
	 * Fractions of ink (darker than the paper, see {@link #inkThreshold}), mid (96-200) and light (&gt; 200) pixels, ignoring a 3% margin, and the most dark
	 * samples in any horizontal band of 1% of the page height: a single line of text is concentrated in a band, dust
	 * and noise are not.
	 */
	record Tones(double dark, double mid, double light, int darkestBand, double paper) {

		/** About 100 samples per inch, at most 4 million samples. */
		static Tones of(BufferedImage image, int dpi) {
			int w = image.getWidth();
			int h = image.getHeight();
			int marginX = w * 3 / 100;
			int marginY = h * 3 / 100;
			int innerW = Math.max(1, w - 2 * marginX);
			int innerH = Math.max(1, h - 2 * marginY);
			int step = Math.max(1, ((dpi > 0) ? dpi : 300) / 100);
			step = Math.max(step, (int) Math.ceil(Math.sqrt((double) innerW * innerH / 4_000_000)));
			int rowsPerBand = Math.max(1, innerH / step / 100);
			GreySampler pixels = GreySampler.of(image);
			long dark = 0;
			long mid = 0;
			long light = 0;
			int band = 0;
			int bandDark = 0;
			int darkestBand = 0;
			int row = 0;
			long[] histogram = new long[64];
			int ink = inkThreshold(image, pixels, marginX, marginY, step * 4);
			for (int y = marginY; y < h - marginY; y += step, row++) {
				if (row / rowsPerBand != band) {
					darkestBand = Math.max(darkestBand, bandDark);
					band = row / rowsPerBand;
					bandDark = 0;
				}
				for (int x = marginX; x < w - marginX; x += step) {
					int value = pixels.grey(x, y);
					histogram[value >> 2]++;
					if (value < ink) {
						dark++;
						bandDark++;
					}
					if (value >= 96 && value <= 200) {
						mid++;
					}
					else if (value > 200) {
						light++;
					}
				}
			}
			darkestBand = Math.max(darkestBand, bandDark);
			double total = Math.max(1, Arrays.stream(histogram).sum());
			return new Tones(dark / total, mid / total, light / total, darkestBand, paperShare(histogram) / total);
		}

		/**
		 * What counts as ink: clearly darker than the paper. Relative to the paper tone, so faded typewriter ink and
		 * carbon copies count (an absolute threshold took such pages for blank ones), and scanner grain and
		 * bleed-through do not.
		 */
		private static int inkThreshold(BufferedImage image, GreySampler pixels, int marginX, int marginY,
				int step) {
			long[] histogram = new long[64];
			for (int y = marginY; y < image.getHeight() - marginY; y += step) {
				for (int x = marginX; x < image.getWidth() - marginX; x += step) {
					histogram[pixels.luma(x, y) >> 2]++;
				}
			}
			int paper = 0;
			for (int i = 1; i < histogram.length; i++) {
				if (histogram[i] > histogram[paper]) {
					paper = i;
				}
			}
			int paperLevel = paper * 4 + 2;
			return Math.max(48, Math.min(170, paperLevel * 7 / 10));
		}

		/** Pixels within 20 grey levels of the most common level: the paper. */
		private static long paperShare(long[] histogram) {
			int mode = 0;
			for (int i = 1; i < histogram.length; i++) {
				if (histogram[i] > histogram[mode]) {
					mode = i;
				}
			}
			long share = 0;
			for (int i = Math.max(0, mode - 5); i <= Math.min(histogram.length - 1, mode + 5); i++) {
				share += histogram[i];
			}
			return share;
		}

	}

}
