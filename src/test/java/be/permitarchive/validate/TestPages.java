package be.permitarchive.validate;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Synthetic page images for the rule tests: typed text on paper, at a chosen resolution and tone. */
public final class TestPages {

	static final String[] LINES = { "GEMEENTE ZANDHOVEKE - DIENST RUIMTELIJKE ORDENING",
			"Betreft: aanvraag tot stedenbouwkundige vergunning", "voor het bouwen van een eengezinswoning",
			"Het college van burgemeester en schepenen verleent de vergunning", "aan de aanvrager onder de volgende voorwaarden.",
			"De werken moeten binnen de twee jaar worden aangevat.", "Uw kenmerk: 1987/0456 - Ons kenmerk: RO/87/112" };

	private TestPages() {
	}

	/** An A5 page of typed lines at {@code dpi}, paper and ink in the given grey levels. */
	static BufferedImage text(int dpi, int paper, int ink) {
		int w = (int) (5.8 * dpi);
		int h = (int) (8.3 * dpi);
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(paper, paper, paper));
		g.fillRect(0, 0, w, h);
		g.setColor(new Color(ink, ink, ink));
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(6, dpi * 11 / 72)));
		int y = dpi / 2;
		for (int block = 0; block < 3; block++) {
			for (String line : LINES) {
				g.drawString(line.substring(0, Math.min(line.length(), 40)), dpi / 2, y);
				y += dpi * 16 / 72;
			}
			y += dpi / 4;
		}
		g.dispose();
		return image;
	}

	/** A blank white page. */
	static BufferedImage blank(int dpi) {
		BufferedImage image = new BufferedImage((int) (5.8 * dpi), (int) (8.3 * dpi), BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.dispose();
		return image;
	}

	/** Lines of ink blots shaped like words but not letters: text to the page classifier, nonsense to OCR. */
	static BufferedImage gibberish(int dpi) {
		BufferedImage image = blank(dpi);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.BLACK);
		java.util.Random random = new java.util.Random(42);
		for (int y = dpi / 2; y < image.getHeight() - dpi / 2; y += dpi / 4) {
			for (int x = dpi / 2; x < image.getWidth() - dpi; ) {
				int width = dpi / 10 + random.nextInt(dpi / 3);
				for (int i = 0; i < width; i += 3) {
					g.fillRect(x + i, y + random.nextInt(dpi / 12), 2, random.nextInt(dpi / 8) + 2);
				}
				x += width + dpi / 12;
			}
		}
		g.dispose();
		return image;
	}

	/** Writes {@code image} as PNG, recording {@code dpi} in pHYs (0: no resolution recorded). */
	public static Path png(BufferedImage image, int dpi, Path target) throws IOException {
		Files.createDirectories(target.getParent());
		Files.write(target, pngBytes(image, dpi));
		return target;
	}

	public static byte[] pngBytes(BufferedImage image, int dpi) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
					null);
			if (dpi > 0) {
				IIOMetadataNode phys = new IIOMetadataNode("pHYs");
				String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
				phys.setAttribute("pixelsPerUnitXAxis", perMetre);
				phys.setAttribute("pixelsPerUnitYAxis", perMetre);
				phys.setAttribute("unitSpecifier", "meter");
				IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
				root.appendChild(phys);
				metadata.mergeTree("javax_imageio_png_1.0", root);
			}
			writer.write(new IIOImage(image, null, metadata));
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

}
