package be.permitarchive.store.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Encodes a page image for PDF/A-2b without transparency: 1-bit images as CCITT G4 (lossless, DeviceGray), everything
 * else as JPEG in DeviceGray or DeviceRGB (DeviceGray for a colour image whose every pixel is grey:
 * {@link NeutralColour}). Images with alpha are flattened onto white, other colour models (palette, 16-bit, CMYK)
 * converted to 8-bit grey or RGB first. JPX is never used.
 */
final class PageImageEncoder {

	static final float JPEG_QUALITY = 0.8f;

	private PageImageEncoder() {
	}

	static PDImageXObject encode(PDDocument document, BufferedImage image, int dpi) throws IOException {
		boolean bilevel = isBilevel(image);
		try {
			return bilevel ? CCITTFactory.createFromImage(document, image)
					: JPEGFactory.createFromImage(document, toOpaqueGreyOrRgb(image), JPEG_QUALITY, dpi);
		}
		catch (IOException | RuntimeException ex) {
			throw cannotEncode(image, bilevel, ex);
		}
	}

	/**
	 * Compresses a page image ahead of {@link #encode(PDDocument, PreparedImage)}, on any thread, without a document:
	 * a greyscale or colour image becomes its JPEG bytes (the costly part), a bilevel image is kept as it is (CCITT
	 * encoding is cheap).
	 */
	static PreparedImage prepare(BufferedImage image) throws IOException {
		if (isBilevel(image)) {
			return new PreparedImage(image, null, image.getWidth(), image.getHeight());
		}
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageWriter writer = jpegWriter();
			try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
				ImageWriteParam param = writer.getDefaultWriteParam();
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(JPEG_QUALITY);
				writer.setOutput(out);
				writer.write(null, new IIOImage(toOpaqueGreyOrRgb(image), null, null), param);
			}
			finally {
				writer.dispose();
			}
			return new PreparedImage(null, bytes.toByteArray(), image.getWidth(), image.getHeight());
		}
		catch (IOException | RuntimeException ex) {
			throw cannotEncode(image, false, ex);
		}
	}

	static PDImageXObject encode(PDDocument document, PreparedImage prepared) throws IOException {
		if (prepared.jpeg() == null) {
			return encode(document, prepared.bilevel(), 0);
		}
		return JPEGFactory.createFromByteArray(document, prepared.jpeg());
	}

	/** The JDK's own JPEG writer (the one PDFBox uses), not a plugin that registered itself first. */
	private static ImageWriter jpegWriter() {
		ImageWriter fallback = null;
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
		while (writers.hasNext()) {
			ImageWriter writer = writers.next();
			if (writer.getClass().getName().startsWith("com.sun.imageio")) {
				return writer;
			}
			fallback = (fallback == null) ? writer : fallback;
		}
		if (fallback == null) {
			throw new IllegalStateException("no JPEG image writer available");
		}
		return fallback;
	}

	private static IOException cannotEncode(BufferedImage image, boolean bilevel, Exception ex) {
		return new IOException(String.format("cannot encode the %dx%d px page image (BufferedImage type %d, %d bit) as %s: %s",
				image.getWidth(), image.getHeight(), image.getType(), image.getColorModel().getPixelSize(),
				bilevel ? "CCITT G4" : "JPEG", ex.getMessage()), ex);
	}

	static boolean isBilevel(BufferedImage image) {
		return image.getColorModel().getPixelSize() == 1;
	}

	private static BufferedImage toOpaqueGreyOrRgb(BufferedImage image) {
		if (image.getColorModel().getNumComponents() == 3) {
			BufferedImage grey = NeutralColour.asGrey(image);
			if (grey != null) {
				return grey; // a grey page in RGB: the same page, a third of the samples
			}
		}
		int type = image.getType();
		if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_3BYTE_BGR
				|| type == BufferedImage.TYPE_INT_RGB) {
			return image;
		}
		ColorModel model = image.getColorModel();
		if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !model.hasAlpha()
				&& model.getNumComponents() == 1) {
			return toEightBitGrey(image);
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		try {
			g.drawImage(image, 0, 0, Color.WHITE, null);
		}
		finally {
			g.dispose();
		}
		return rgb;
	}

	/** Keeps the grey values (drawing would convert through sRGB and change the tones). */
	private static BufferedImage toEightBitGrey(BufferedImage image) {
		int bits = image.getColorModel().getComponentSize(0);
		int max = (1 << bits) - 1;
		Raster source = image.getRaster();
		BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		WritableRaster target = grey.getRaster();
		int[] row = new int[image.getWidth()];
		for (int y = 0; y < image.getHeight(); y++) {
			source.getSamples(0, y, row.length, 1, 0, row);
			for (int x = 0; x < row.length; x++) {
				row[x] = Math.round(row[x] * 255f / max);
			}
			target.setSamples(0, y, row.length, 1, 0, row);
		}
		return grey;
	}

}
