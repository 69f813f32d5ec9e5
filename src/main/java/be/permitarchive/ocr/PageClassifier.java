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

	/**
	 * A photo sheet (one or more photographs with a short caption each, as a dossier's annex of the site) keeps most
	 * of its paper: it is a photo when at least this share of the page is picture ({@link Pictures}) ...
	 */
	static final double PHOTO_SHEET_PICTURE = 0.15;

	/**
	 * ... and the picture covers at least this many times the area of the text away from it. A book or magazine
	 * page with an illustration has more text than picture (the Tesseract and OCRmyPDF test pages: 12-17% picture,
	 * 56% text), a photo sheet a header and captions (dev set and samples: 30-62% picture, at most 4% text).
	 */
	static final double PHOTO_SHEET_RATIO = 2.0;

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
		Pictures pictures = Pictures.of(image, dpi);
		if (pictures.picture() >= PHOTO_SHEET_PICTURE && pictures.picture() >= PHOTO_SHEET_RATIO * pictures.text()) {
			return new Classification(PageKind.PHOTO, "photo sheet (" + percent(pictures.picture()) + " picture, "
					+ percent(pictures.text()) + " text)");
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

	/**
	 * Where a page is picture and where it is text, in cells of a quarter inch: a cell is picture when most of it is
	 * darker than the paper (a photograph, a grey illustration) or when a sizeable part of it is dark in single-pixel
	 * dots (a photograph dithered to black and white; strokes of text and drawings make runs of several pixels).
	 * Text cells hold some ink and do not touch a picture cell (the edges of a photograph are not text). Shares of
	 * the page without its 3% margin.
	 */
	record Pictures(double picture, double text) {

		/** A cell darker than the paper over more than this share of it is picture. */
		static final double PICTURE_FILL = 0.5;

		/** Dark over at least this share of the cell in runs of at most ... */
		static final double DITHER_FILL = 0.15;

		/** ... this many pixels on average, along its rows: dithered. Text at 200-300 ppi runs 3 pixels and more. */
		static final double DITHER_RUN = 1.6;

		/** A cell with at least this share of ink is text (scanner grain stays below it). */
		static final double TEXT_FILL = 0.03;

		static Pictures of(BufferedImage image, int dpi) {
			int resolution = (dpi > 0) ? dpi : 300;
			int w = image.getWidth();
			int h = image.getHeight();
			int marginX = w * 3 / 100;
			int marginY = h * 3 / 100;
			int cell = Math.max(8, resolution / 4);
			int columns = (w - 2 * marginX) / cell;
			int rows = (h - 2 * marginY) / cell;
			if (columns <= 0 || rows <= 0) {
				return new Pictures(0, 0);
			}
			GreySampler pixels = GreySampler.of(image);
			int rowStep = Math.max(1, resolution / 100);
			int paper = paperLevel(pixels, marginX, marginY, w, h, rowStep * 4);
			int dark = paper - Math.max(24, paper / 8); // darker than the paper by more than grain
			double[] fill = new double[columns * rows];
			boolean[] picture = new boolean[fill.length];
			for (int j = 0; j < rows; j++) {
				for (int i = 0; i < columns; i++) {
					int x0 = marginX + i * cell;
					int y0 = marginY + j * cell;
					int samples = 0;
					int inked = 0;
					int runs = 0;
					for (int y = y0; y < y0 + cell; y += rowStep) {
						boolean previous = false;
						for (int x = x0; x < x0 + cell; x++) {
							boolean ink = pixels.grey(x, y) < dark;
							samples++;
							if (ink) {
								inked++;
								runs += previous ? 0 : 1;
							}
							previous = ink;
						}
					}
					double share = inked / (double) samples;
					fill[j * columns + i] = share;
					picture[j * columns + i] = share >= PICTURE_FILL
							|| (share >= DITHER_FILL && inked < DITHER_RUN * runs);
				}
			}
			int pictureCells = 0;
			int textCells = 0;
			for (int j = 0; j < rows; j++) {
				for (int i = 0; i < columns; i++) {
					if (picture[j * columns + i]) {
						pictureCells++;
					}
					else if (fill[j * columns + i] >= TEXT_FILL && !nextToPicture(picture, columns, rows, i, j)) {
						textCells++;
					}
				}
			}
			double cells = columns * rows;
			return new Pictures(pictureCells / cells, textCells / cells);
		}

		private static boolean nextToPicture(boolean[] picture, int columns, int rows, int i, int j) {
			for (int dj = -1; dj <= 1; dj++) {
				for (int di = -1; di <= 1; di++) {
					int ii = i + di;
					int jj = j + dj;
					if (ii >= 0 && ii < columns && jj >= 0 && jj < rows && picture[jj * columns + ii]) {
						return true;
					}
				}
			}
			return false;
		}

		/** The most common grey level: the paper. */
		private static int paperLevel(GreySampler pixels, int marginX, int marginY, int w, int h, int step) {
			int[] histogram = new int[256];
			for (int y = marginY; y < h - marginY; y += step) {
				for (int x = marginX; x < w - marginX; x += step) {
					histogram[pixels.grey(x, y)]++;
				}
			}
			int paper = 0;
			for (int v = 1; v < 256; v++) {
				if (histogram[v] > histogram[paper]) {
					paper = v;
				}
			}
			return paper;
		}

	}

}
