package be.permitarchive.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

import be.permitarchive.dossier.PageKind;

/**
 * Decides, cheaply and before OCR, what a scanned page is: blank (duplex backs, separator sheets), photo, plan
 * (large format) or text. Works on a sample of about 250,000 pixels, whatever the page size.
 */
public final class PageClassifier {

	/** Fraction of dark pixels below which a page is blank (scanner dust and paper texture stay below it). */
	static final double BLANK_INK = 0.0015;

	/** Longest side, in inches, above which a page is a plan (A3 is 16.5 in). */
	static final double PLAN_INCHES = 17.5;

	private PageClassifier() {
	}

	public static Classification classify(BufferedImage image, int dpi) {
		Tones tones = Tones.of(image);
		if (tones.dark() < BLANK_INK) {
			return new Classification(PageKind.BLANK, "blank page (" + percent(tones.dark()) + " ink)");
		}
		if (tones.mid() > 0.35 && tones.light() < 0.45) {
			return new Classification(PageKind.PHOTO, "photograph (" + percent(tones.mid()) + " mid-tones)");
		}
		if (dpi > 0 && Math.max(image.getWidth(), image.getHeight()) / (double) dpi > PLAN_INCHES) {
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

	/** Fractions of dark (&lt; 96), mid (96-200) and light (&gt; 200) pixels, ignoring a 3% margin. */
	record Tones(double dark, double mid, double light) {

		static Tones of(BufferedImage image) {
			int w = image.getWidth();
			int h = image.getHeight();
			int marginX = w * 3 / 100;
			int marginY = h * 3 / 100;
			int innerW = Math.max(1, w - 2 * marginX);
			int innerH = Math.max(1, h - 2 * marginY);
			int step = (int) Math.max(1, Math.sqrt((double) innerW * innerH / 250_000));
			boolean gray = image.getRaster().getNumBands() == 1;
			Raster raster = image.getRaster();
			int maxSample = (1 << image.getColorModel().getComponentSize(0)) - 1;
			long dark = 0;
			long mid = 0;
			long light = 0;
			for (int y = marginY; y < h - marginY; y += step) {
				for (int x = marginX; x < w - marginX; x += step) {
					int value;
					if (gray) {
						value = raster.getSample(x, y, 0) * 255 / Math.max(1, maxSample);
						if (image.getColorModel().getNumColorComponents() == 1
								&& image.getType() == BufferedImage.TYPE_BYTE_BINARY) {
							value = (image.getRGB(x, y) & 0xff);
						}
					}
					else {
						int rgb = image.getRGB(x, y);
						value = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
					}
					if (value < 96) {
						dark++;
					}
					else if (value <= 200) {
						mid++;
					}
					else {
						light++;
					}
				}
			}
			double total = Math.max(1, dark + mid + light);
			return new Tones(dark / total, mid / total, light / total);
		}

	}

}
