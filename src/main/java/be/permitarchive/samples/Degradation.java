package be.permitarchive.samples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.util.Random;
import java.util.Set;

import be.permitarchive.samples.SampleDossier.Effect;

/**
 * What paper, carbon copies and scanners do to a page: carbon-copy fade, blur, speckles, paper tone, noise, skew and
 * 180 degree rotation. All operate on 8-bit grey images; randomness only from the given {@link Random}.
 */
final class Degradation {

	private Degradation() {
	}

	/** Applies the page's effects in a fixed order (set iteration order is never used). */
	static BufferedImage apply(BufferedImage image, Set<Effect> effects, Random random) {
		BufferedImage result = image;
		if (effects.contains(Effect.CARBON_FADE)) {
			result = carbonFade(result, random);
		}
		if (effects.contains(Effect.BLUR)) {
			result = blur(result);
		}
		if (effects.contains(Effect.PAPER_TONE)) {
			paperTone(result, 236 + random.nextInt(14));
		}
		if (effects.contains(Effect.SPECKLE)) {
			speckle(result, random, 40 + random.nextInt(80));
		}
		if (effects.contains(Effect.FADED)) {
			fade(result, 0.55 + random.nextDouble() * 0.1);
		}
		if (effects.contains(Effect.NOISE)) {
			noise(result, random, 18 + random.nextInt(10));
		}
		return result;
	}

	/** Carbon copy: ink lighter and uneven across the sheet, strokes a little soft. */
	static BufferedImage carbonFade(BufferedImage image, Random random) {
		byte[] px = pixels(image);
		int w = image.getWidth();
		int h = image.getHeight();
		double left = 0.45 + random.nextDouble() * 0.15;
		double right = 0.55 + random.nextDouble() * 0.2;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				double strength = left + (right - left) * x / w - 0.1 * y / h;
				int ink = 255 - (px[i] & 0xff);
				px[i] = (byte) (255 - (int) (ink * strength));
			}
		}
		return blur(image);
	}

	static BufferedImage blur(BufferedImage image) {
		float ninth = 1f / 9f;
		float[] box = { ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth };
		BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		new ConvolveOp(new Kernel(3, 3, box), ConvolveOp.EDGE_NO_OP, null).filter(image, target);
		return target;
	}

	/** Worn ribbon or toner: every pixel's ink scaled by {@code strength}. */
	static void fade(BufferedImage image, double strength) {
		byte[] px = pixels(image);
		for (int i = 0; i < px.length; i++) {
			int ink = 255 - (px[i] & 0xff);
			px[i] = (byte) (255 - (int) (ink * strength));
		}
	}

	/** Scales white down to {@code white}, as yellowed or recycled paper scans. */
	static void paperTone(BufferedImage image, int white) {
		byte[] px = pixels(image);
		for (int i = 0; i < px.length; i++) {
			px[i] = (byte) ((px[i] & 0xff) * white / 255);
		}
	}

	/** Dust and toner specks: small dark dots of 1-4 pixels radius. */
	static void speckle(BufferedImage image, Random random, int count) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		for (int n = 0; n < count; n++) {
			int grey = 40 + random.nextInt(140);
			g.setColor(new Color(grey, grey, grey));
			int r = 1 + random.nextInt(4);
			g.fillOval(random.nextInt(image.getWidth()), random.nextInt(image.getHeight()), r, r);
		}
		g.dispose();
	}

	/** Uniform noise of at most {@code amplitude} grey levels either way. */
	static void noise(BufferedImage image, Random random, int amplitude) {
		byte[] px = pixels(image);
		int span = 2 * amplitude + 1;
		for (int i = 0; i < px.length; i++) {
			int v = (px[i] & 0xff) + random.nextInt(span) - amplitude;
			px[i] = (byte) Math.max(0, Math.min(255, v));
		}
	}

	/** The back of a duplex sheet: near-white paper with faint noise and a few specks. */
	static BufferedImage blankBack(int width, int height, Random random) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		byte[] px = pixels(image);
		java.util.Arrays.fill(px, (byte) (246 + random.nextInt(6)));
		noise(image, random, 3);
		speckle(image, random, 10 + random.nextInt(20));
		return image;
	}

	/** Rotates the content clockwise by {@code degrees} around the centre, as a sheet fed askew. */
	static BufferedImage skew(BufferedImage image, double degrees) {
		BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = target.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, target.getWidth(), target.getHeight());
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, AffineTransform.getRotateInstance(Math.toRadians(degrees), image.getWidth() / 2.0,
				image.getHeight() / 2.0), null);
		g.dispose();
		return target;
	}

	/** The sheet fed upside down. */
	static BufferedImage rotate180(BufferedImage image) {
		BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		byte[] from = pixels(image);
		byte[] to = pixels(target);
		for (int i = 0; i < from.length; i++) {
			to[from.length - 1 - i] = from[i];
		}
		return target;
	}

	/** Black and white at the threshold, as a bilevel scanner would store it. */
	static BufferedImage binarize(BufferedImage image, int threshold) {
		BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
		byte[] from = pixels(image);
		int w = image.getWidth();
		java.awt.image.WritableRaster raster = target.getRaster();
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < w; x++) {
				raster.setSample(x, y, 0, (from[y * w + x] & 0xff) < threshold ? 0 : 1);
			}
		}
		return target;
	}

	static byte[] pixels(BufferedImage image) {
		if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
			throw new IllegalArgumentException("expected an 8-bit grey image, got type " + image.getType());
		}
		return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
	}

}
