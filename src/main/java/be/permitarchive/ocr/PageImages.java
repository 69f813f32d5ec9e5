package be.permitarchive.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Image conversions the OCR engine needs. */
public final class PageImages {

	private PageImages() {
	}

	/** An 8-bit grey copy with a tightly packed raster (one byte per pixel, no padding). */
	public static BufferedImage toGray(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && image.getRaster().getDataBuffer().getSize() == image
			.getWidth() * image.getHeight() && image.getRaster().getSampleModelTranslateX() == 0
				&& image.getRaster().getSampleModelTranslateY() == 0) {
			return image;
		}
		BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = gray.createGraphics();
		try {
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return gray;
	}

	/**
	 * A smaller copy, {@code factor} (0-1) times the size, each step at most halving with bilinear interpolation so
	 * that every source pixel counts; 8-bit grey for grey and bilevel images, RGB for colour.
	 */
	public static BufferedImage downsample(BufferedImage image, double factor) {
		boolean colour = image.getColorModel().getNumComponents() >= 3;
		int type = colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY;
		int targetW = Math.max(1, (int) Math.round(image.getWidth() * factor));
		int targetH = Math.max(1, (int) Math.round(image.getHeight() * factor));
		BufferedImage current = image;
		do {
			int w = Math.max(targetW, current.getWidth() / 2);
			int h = Math.max(targetH, current.getHeight() / 2);
			BufferedImage next = new BufferedImage(w, h, type);
			Graphics2D g = next.createGraphics();
			try {
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
				g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
				g.drawImage(current, 0, 0, w, h, null);
			}
			finally {
				g.dispose();
			}
			current = next;
		}
		while (current.getWidth() > targetW || current.getHeight() > targetH);
		return current;
	}

	/** Rotates clockwise by 90, 180 or 270 degrees. */
	public static BufferedImage rotate(BufferedImage image, int degrees) {
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = degrees == 90 || degrees == 270;
		BufferedImage rotated = new BufferedImage(swap ? h : w, swap ? w : h, image.getType());
		AffineTransform transform = new AffineTransform();
		switch (degrees) {
			case 90 -> {
				transform.translate(h, 0);
				transform.rotate(Math.PI / 2);
			}
			case 180 -> {
				transform.translate(w, h);
				transform.rotate(Math.PI);
			}
			case 270 -> {
				transform.translate(0, w);
				transform.rotate(-Math.PI / 2);
			}
			default -> {
				return image;
			}
		}
		Graphics2D g = rotated.createGraphics();
		try {
			g.drawImage(image, transform, null);
		}
		finally {
			g.dispose();
		}
		return rotated;
	}

}
