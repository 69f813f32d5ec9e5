package be.permitarchive.samples;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import be.permitarchive.samples.SampleDossier.Typeface;

/** Draws typed text pages as 8-bit grey images at 300 dpi. */
final class PageRenderer {

	static final int DPI = 300;

	static final int A4_WIDTH = 2480;

	static final int A4_HEIGHT = 3508;

	private static final int LEFT = 260;

	private static final int TOP = 300;

	private final Fonts fonts;

	PageRenderer(Fonts fonts) {
		this.fonts = fonts;
	}

	static BufferedImage blankA4() {
		BufferedImage image = new BufferedImage(A4_WIDTH, A4_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, A4_WIDTH, A4_HEIGHT);
		g.dispose();
		return image;
	}

	static Graphics2D graphics(BufferedImage image) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		return g;
	}

	/**
	 * The lines set in the typeface from the top-left margin. A typewriter gets an uneven baseline and ink per
	 * character ({@code random}); a line too wide for the page is set smaller rather than cut.
	 */
	BufferedImage text(List<String> lines, Typeface typeface, Random random) {
		BufferedImage image = blankA4();
		Graphics2D g = graphics(image);
		float pixels = Fonts.points(typeface) * DPI / 72f;
		Font font = fonts.awt(typeface, pixels);
		int lineHeight = Math.round(pixels * (typeface.typewriter() ? 1.5f : 1.4f));
		if (TOP + lines.size() * lineHeight > A4_HEIGHT - 200) {
			throw new IllegalArgumentException(lines.size() + " lines do not fit on one A4 page in " + typeface);
		}
		int maxWidth = A4_WIDTH - 2 * LEFT + 80;
		int y = TOP + Math.round(pixels);
		for (String line : lines) {
			g.setFont(font);
			FontMetrics metrics = g.getFontMetrics();
			int width = metrics.stringWidth(line);
			if (width > maxWidth) {
				g.setFont(font.deriveFont(pixels * maxWidth / width));
			}
			if (typeface.typewriter()) {
				typewrite(g, line, y, random);
			}
			else {
				g.setColor(new Color(20, 20, 20));
				g.drawString(line, LEFT, y);
			}
			y += lineHeight;
		}
		g.dispose();
		return image;
	}

	private static void typewrite(Graphics2D g, String line, int baseline, Random random) {
		FontMetrics metrics = g.getFontMetrics();
		float advance = metrics.charWidth('m');
		int lineShift = random.nextInt(3) - 1;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == ' ') {
				continue;
			}
			int ink = 10 + random.nextInt(45);
			g.setColor(new Color(ink, ink, ink));
			g.drawString(String.valueOf(c), LEFT + i * advance, baseline + lineShift + random.nextInt(3) - 1);
		}
	}

}
