package be.permitarchive.validate.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/** A small PNG of a page for the acceptance report: at most 200 px on its long side. */
public final class Thumbnails {

	public static final int MAX_SIDE = 200;

	private Thumbnails() {
	}

	public static byte[] png(BufferedImage page) {
		double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(page.getWidth(), page.getHeight()));
		int w = Math.max(1, (int) Math.round(page.getWidth() * scale));
		int h = Math.max(1, (int) Math.round(page.getHeight() * scale));
		BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = small.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(page, 0, 0, w, h, null);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(small, "png", out);
		}
		catch (IOException ex) {
			return null;
		}
		return out.toByteArray();
	}

}
