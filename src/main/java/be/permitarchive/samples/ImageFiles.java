package be.permitarchive.samples;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Writes page images with their 300 dpi resolution recorded: PNG (pHYs), JPEG (JFIF density), TIFF G4. */
final class ImageFiles {

	private static final float JPEG_QUALITY = 0.8f;

	private static final String TIFF_FORMAT = "com_sun_media_imageio_plugins_tiff_image_1.0";

	private ImageFiles() {
	}

	static void png(BufferedImage image, Path file) throws IOException {
		ImageWriter writer = writer("png");
		IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
		IIOMetadataNode phys = new IIOMetadataNode("pHYs");
		String perMetre = String.valueOf(Math.round(PageRenderer.DPI / 0.0254));
		phys.setAttribute("pixelsPerUnitXAxis", perMetre);
		phys.setAttribute("pixelsPerUnitYAxis", perMetre);
		phys.setAttribute("unitSpecifier", "meter");
		IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
		root.appendChild(phys);
		metadata.mergeTree("javax_imageio_png_1.0", root);
		write(writer, List.of(new IIOImage(image, null, metadata)), null, file);
	}

	static void jpeg(BufferedImage image, Path file) throws IOException {
		Files.write(file, jpegBytes(image));
	}

	/** A baseline grey JPEG with a JFIF header saying 300 dots per inch. */
	static byte[] jpegBytes(BufferedImage image) throws IOException {
		ImageWriter writer = writer("jpeg");
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(JPEG_QUALITY);
		String format = "javax_imageio_jpeg_image_1.0";
		IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
		IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
		IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
		jfif.setAttribute("resUnits", "1");
		jfif.setAttribute("Xdensity", String.valueOf(PageRenderer.DPI));
		jfif.setAttribute("Ydensity", String.valueOf(PageRenderer.DPI));
		metadata.setFromTree(format, root);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		write(writer, List.of(new IIOImage(image, null, metadata)), param, bytes);
		return bytes.toByteArray();
	}

	/** A multi-page bilevel TIFF, CCITT group 4, 300 dpi on every page. */
	static void tiffG4(List<BufferedImage> bilevelPages, Path file) throws IOException {
		ImageWriter writer = writer("tiff");
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionType("CCITT T.6");
		List<IIOImage> images = new java.util.ArrayList<>();
		for (BufferedImage page : bilevelPages) {
			IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page),
					param);
			metadata.mergeTree(TIFF_FORMAT, tiffResolution());
			images.add(new IIOImage(page, null, metadata));
		}
		write(writer, images, param, file);
	}

	/** XResolution = YResolution = 300/1 per inch, in the TIFF native metadata tree (TIFF tags 282, 283, 296). */
	private static IIOMetadataNode tiffResolution() {
		IIOMetadataNode ifd = new IIOMetadataNode("TIFFIFD");
		ifd.appendChild(tiffField(282, "XResolution", "TIFFRationals", "TIFFRational", PageRenderer.DPI + "/1"));
		ifd.appendChild(tiffField(283, "YResolution", "TIFFRationals", "TIFFRational", PageRenderer.DPI + "/1"));
		ifd.appendChild(tiffField(296, "ResolutionUnit", "TIFFShorts", "TIFFShort", "2"));
		IIOMetadataNode root = new IIOMetadataNode(TIFF_FORMAT);
		root.appendChild(ifd);
		return root;
	}

	private static IIOMetadataNode tiffField(int number, String name, String listType, String valueType,
			String value) {
		IIOMetadataNode entry = new IIOMetadataNode(valueType);
		entry.setAttribute("value", value);
		IIOMetadataNode list = new IIOMetadataNode(listType);
		list.appendChild(entry);
		IIOMetadataNode field = new IIOMetadataNode("TIFFField");
		field.setAttribute("number", String.valueOf(number));
		field.setAttribute("name", name);
		field.appendChild(list);
		return field;
	}

	private static ImageWriter writer(String format) {
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
		ImageWriter first = null;
		while (writers.hasNext()) {
			ImageWriter candidate = writers.next();
			if (candidate.getClass().getName().startsWith("com.twelvemonkeys")) {
				return candidate;
			}
			first = first == null ? candidate : first;
		}
		if (first == null) {
			throw new IllegalStateException("no ImageIO writer for " + format + "; put TwelveMonkeys on the class path");
		}
		return first;
	}

	private static void write(ImageWriter writer, List<IIOImage> images, ImageWriteParam param, Object target)
			throws IOException {
		OutputStream out = target instanceof Path path ? Files.newOutputStream(path) : (OutputStream) target;
		try (out; ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			if (images.size() == 1) {
				writer.write(null, images.get(0), param);
			}
			else {
				writer.prepareWriteSequence(null);
				for (IIOImage image : images) {
					writer.writeToSequence(image, param);
				}
				writer.endWriteSequence();
			}
		}
		catch (IIOInvalidTreeException ex) {
			throw new IOException("cannot set the image resolution: " + ex.getMessage(), ex);
		}
		finally {
			writer.dispose();
		}
	}

}
