package be.permitarchive.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import be.permitarchive.samples.SampleDossier.PlanSpec;
import be.permitarchive.samples.SampleDossier.Typeface;

/**
 * Draws the non-prose pages: an A3 landscape plan sheet (line drawing with a cartouche holding reference, address
 * and scale) and a photo sheet (a synthetic grey photograph with a typed caption).
 */
final class PlanRenderer {

	static final int A3_WIDTH = 4961;

	static final int A3_HEIGHT = 3508;

	/** Lines of a plan page's text that sit in the cartouche; the rest are labels in the drawing. */
	static final int CARTOUCHE_LINES = 6;

	private final Fonts fonts;

	PlanRenderer(Fonts fonts) {
		this.fonts = fonts;
	}

	/**
	 * {@code lines}: the first {@link #CARTOUCHE_LINES} lines go in the cartouche, the rest are labels in the
	 * drawing (street first, then rooms or lots), exactly as the template listed them.
	 */
	BufferedImage plan(List<String> lines, PlanSpec spec, Random random) {
		BufferedImage image = new BufferedImage(A3_WIDTH, A3_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = PageRenderer.graphics(image);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, A3_WIDTH, A3_HEIGHT);
		g.setColor(Color.BLACK);
		g.setStroke(new BasicStroke(8f));
		g.drawRect(120, 120, A3_WIDTH - 240, A3_HEIGHT - 240);
		int cartouche = CARTOUCHE_LINES;
		Font label = fonts.awt(Typeface.SANS, 58f);
		g.setFont(label);
		// street along the bottom of the drawing
		g.setStroke(new BasicStroke(5f));
		g.drawLine(300, 2900, 3300, 2900);
		g.drawLine(300, 3150, 3300, 3150);
		g.drawString(lines.get(cartouche), 1300, 3060);
		// plot and buildings or lots
		int plotLeft = 500 + random.nextInt(200);
		int plotTop = 400 + random.nextInt(150);
		g.setStroke(new BasicStroke(6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 40f, 20f }, 0f));
		g.drawRect(plotLeft, plotTop, 2600, 2300);
		g.setStroke(new BasicStroke(10f));
		List<String> labels = lines.subList(cartouche + 1, lines.size());
		if (spec.lots() > 0) {
			int lotWidth = 2600 / spec.lots();
			for (int i = 0; i < spec.lots(); i++) {
				g.drawRect(plotLeft + i * lotWidth, plotTop + 800, lotWidth, 1500);
				g.drawString(labels.get(i), plotLeft + i * lotWidth + lotWidth / 2 - 90, plotTop + 1550);
			}
		}
		else {
			int bx = plotLeft + 500 + random.nextInt(300);
			int by = plotTop + 1300;
			g.drawRect(bx, by, 1400, 900);
			g.drawLine(bx + 800, by, bx + 800, by + 900);
			g.drawLine(bx, by + 450, bx + 800, by + 450);
			for (int i = 0; i < labels.size(); i++) {
				g.drawString(labels.get(i), bx + 120 + (i % 2) * 800, by + 250 + (i / 2) * 450);
			}
		}
		northArrow(g, 3000, 500);
		// cartouche, bottom right
		int cx = A3_WIDTH - 120 - 1500;
		int cy = A3_HEIGHT - 120 - (cartouche * 110 + 80);
		g.setStroke(new BasicStroke(6f));
		g.drawRect(cx, cy, 1500, A3_HEIGHT - 120 - cy);
		g.setFont(fonts.awt(Typeface.SANS, 54f));
		for (int i = 0; i < cartouche; i++) {
			if (i > 0) {
				g.drawLine(cx, cy + i * 110 + 30, cx + 1500, cy + i * 110 + 30);
			}
			g.drawString(lines.get(i), cx + 40, cy + i * 110 + 100);
		}
		g.dispose();
		return image;
	}

	private static void grain(BufferedImage image, int x0, int y0, int w, int h, Random random) {
		java.awt.image.WritableRaster raster = image.getRaster();
		for (int y = y0; y < y0 + h; y++) {
			for (int x = x0; x < x0 + w; x++) {
				int v = raster.getSample(x, y, 0) + random.nextInt(25) - 12;
				raster.setSample(x, y, 0, Math.max(0, Math.min(255, v)));
			}
		}
	}

	private static void northArrow(Graphics2D g, int x, int y) {
		g.fill(new Polygon(new int[] { x, x + 60, x - 60 }, new int[] { y, y + 200, y + 200 }, 3));
		g.drawLine(x, y + 200, x, y + 320);
	}

	/** An A4 sheet with a synthetic grey photograph (sky, ground, a house) and the typed caption below it. */
	BufferedImage photo(List<String> caption, Random random) {
		BufferedImage image = PageRenderer.blankA4();
		Graphics2D g = PageRenderer.graphics(image);
		int x = 300;
		int y = 350;
		int w = 1880;
		int h = 1410;
		int horizon = y + h / 2 + random.nextInt(200);
		g.setClip(x, y, w, h);
		g.setPaint(new GradientPaint(x, y, new Color(120, 120, 120), x, horizon, new Color(215, 215, 215)));
		g.fillRect(x, y, w, horizon - y);
		g.setPaint(new GradientPaint(x, horizon, new Color(150, 150, 150), x, y + h, new Color(70, 70, 70)));
		g.fillRect(x, horizon, w, y + h - horizon);
		int hx = x + 300 + random.nextInt(500);
		g.setColor(new Color(95, 95, 95));
		g.fillRect(hx, horizon - 500, 900, 560);
		g.setColor(new Color(55, 55, 55));
		g.fill(new Polygon(new int[] { hx - 60, hx + 450, hx + 960 }, new int[] { horizon - 500, horizon - 850,
				horizon - 500 }, 3));
		g.setColor(new Color(185, 185, 185));
		for (int i = 0; i < 3; i++) {
			g.fillRect(hx + 90 + i * 280, horizon - 380, 160, 200);
		}
		g.setColor(new Color(40, 40, 40));
		int tx = random.nextBoolean() ? x + 60 + random.nextInt(150) : x + w - 360 - random.nextInt(150);
		g.fillRect(tx + 120, horizon - 300, 50, 380);
		g.fillOval(tx, horizon - 700, 300, 460);
		g.dispose();
		grain(image, x, y, w, h, random);
		Graphics2D frame = PageRenderer.graphics(image);
		frame.setColor(Color.BLACK);
		frame.setStroke(new BasicStroke(4f));
		frame.drawRect(x, y, w, h);
		frame.setColor(new Color(20, 20, 20));
		frame.setFont(fonts.awt(Typeface.SANS, Fonts.points(Typeface.SANS) * PageRenderer.DPI / 72f));
		int line = y + h + 160;
		for (String text : caption) {
			frame.drawString(text, x, line);
			line += 64;
		}
		frame.dispose();
		return image;
	}

}
