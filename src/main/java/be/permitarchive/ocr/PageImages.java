package be.permitarchive.ocr;

import java.awt.Graphics2D;
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
