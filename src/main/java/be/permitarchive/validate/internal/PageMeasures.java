package be.permitarchive.validate.internal;

import java.awt.image.BufferedImage;

import be.permitarchive.ocr.GreySampler;

/**
 * Cheap measures of a page image on a grid of at most about 250,000 grey samples: its paper tone, its darkest ink
 * and its skew. Skew is the angle whose horizontal projection profile of the ink is most peaked (text lines fall into
 * few rows when the page is straight), tried from -5 to +5 degrees in half degrees and refined in tenths.
 * @param paperLevel the 95th percentile grey level (0-255): the paper
 * @param inkLevel the 0.1th percentile grey level: the darkest ink
 * @param skewDegrees the estimated skew, 0 when there is too little ink to tell
 */
public record PageMeasures(int paperLevel, int inkLevel, double skewDegrees) {

	private static final int TARGET_SAMPLES = 250_000;

	private static final int MIN_INK_SAMPLES = 300;

	public static PageMeasures of(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		int step = Math.max(1, (int) Math.ceil(Math.sqrt((double) w * h / TARGET_SAMPLES)));
		int cols = (w + step - 1) / step;
		int rows = (h + step - 1) / step;
		int[] grey = new int[cols * rows];
		long[] histogram = new long[256];
		// grey images are read as stored: getRGB would convert their linear grey to sRGB and lighten them
		GreySampler pixels = GreySampler.of(image);
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < cols; c++) {
				int value = pixels.grey(c * step, r * step);
				grey[r * cols + c] = value;
				histogram[value]++;
			}
		}
		int paper = percentile(histogram, grey.length, 0.95);
		int ink = percentile(histogram, grey.length, 0.001);
		return new PageMeasures(paper, ink, skew(grey, cols, rows, (paper + ink) / 2, paper - ink));
	}

	private static int percentile(long[] histogram, long total, double fraction) {
		long wanted = (long) Math.ceil(total * fraction);
		long seen = 0;
		for (int level = 0; level < histogram.length; level++) {
			seen += histogram[level];
			if (seen >= Math.max(1, wanted)) {
				return level;
			}
		}
		return 255;
	}

	private static double skew(int[] grey, int cols, int rows, int threshold, int contrast) {
		if (contrast < 60) {
			return 0;
		}
		int marginX = cols / 20;
		int marginY = rows / 20;
		int count = 0;
		int[] xs = new int[grey.length];
		int[] ys = new int[grey.length];
		for (int r = marginY; r < rows - marginY; r++) {
			for (int c = marginX; c < cols - marginX; c++) {
				if (grey[r * cols + c] < threshold) {
					xs[count] = c;
					ys[count] = r;
					count++;
				}
			}
		}
		if (count < MIN_INK_SAMPLES || count > grey.length / 3) {
			return 0;
		}
		double best = 0;
		double bestScore = -1;
		for (double angle = -5; angle <= 5.001; angle += 0.5) {
			double score = profileScore(xs, ys, count, rows, cols, angle);
			if (score > bestScore) {
				bestScore = score;
				best = angle;
			}
		}
		double coarse = best;
		for (double angle = coarse - 0.4; angle <= coarse + 0.401; angle += 0.1) {
			double score = profileScore(xs, ys, count, rows, cols, angle);
			if (score > bestScore) {
				bestScore = score;
				best = angle;
			}
		}
		return Math.round(best * 10) / 10.0;
	}

	/** Sum of squared row counts of the ink projected along lines at {@code degrees}: highest when lines align. */
	private static double profileScore(int[] xs, int[] ys, int count, int rows, int cols, double degrees) {
		double tan = Math.tan(Math.toRadians(degrees));
		int offset = (int) Math.ceil(Math.abs(tan) * cols) + 1;
		long[] profile = new long[rows + 2 * offset];
		for (int i = 0; i < count; i++) {
			int row = (int) Math.round(ys[i] - xs[i] * tan) + offset;
			if (row >= 0 && row < profile.length) {
				profile[row]++;
			}
		}
		double score = 0;
		for (long value : profile) {
			score += (double) value * value;
		}
		return score;
	}

}
