package be.permitarchive.page.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import be.permitarchive.page.ImageReaders;
import be.permitarchive.page.PageLimits;
import be.permitarchive.page.PageSource;
import be.permitarchive.page.SourcePage;
import be.permitarchive.page.UnreadablePageException;
import org.w3c.dom.NodeList;

/**
 * Pages of an image file through ImageIO (with the TwelveMonkeys TIFF and JPEG plugins and the JPEG 2000 plugin):
 * every frame of a multi-page TIFF is a page. Images larger than the pixel budget are read subsampled, so the full
 * image is never decoded into memory.
 */
public final class ImagePageSource implements PageSource {

	private final ImageInputStream input;

	private final ImageReader reader;

	private final int pageCount;

	private final PageLimits limits;

	private ImagePageSource(ImageInputStream input, ImageReader reader, PageLimits limits) throws IOException {
		this.input = input;
		this.reader = reader;
		this.limits = limits;
		this.pageCount = reader.getNumImages(true);
	}

	public static ImagePageSource open(Path file, PageLimits limits) throws IOException {
		ImageInputStream input = ImageIO.createImageInputStream(file.toFile());
		if (input == null) {
			throw new IOException("cannot open " + file);
		}
		Optional<ImageReader> chosen = ImageReaders.forInput(input);
		if (chosen.isEmpty()) {
			input.close();
			throw new IOException("no image reader understands this file");
		}
		ImageReader reader = chosen.get();
		reader.setInput(input, false, false); // metadata holds the resolution
		reader.addIIOReadWarningListener((source, warning) -> {
			throw new TruncatedImageWarning(warning);
		});
		try {
			return new ImagePageSource(input, reader, limits);
		}
		catch (IOException | RuntimeException ex) {
			reader.dispose();
			input.close();
			throw ex;
		}
	}

	@Override
	public int pageCount() {
		return this.pageCount;
	}

	/** Four bytes a pixel (the widest layout a decoder gives), within the pixel budget; 0 when the header fails. */
	@Override
	public long heapBytes(int index) {
		try {
			long pixels = (long) this.reader.getWidth(index) * this.reader.getHeight(index);
			return Math.min(pixels, this.limits.maxPixels()) * 4;
		}
		catch (IOException | RuntimeException ex) {
			return 0; // reading the page will say what is wrong
		}
	}

	@Override
	public SourcePage page(int index) throws IOException {
		try {
			long pixels = (long) this.reader.getWidth(index) * this.reader.getHeight(index);
			int dpi = dpi(index);
			ImageReadParam param = this.reader.getDefaultReadParam();
			String note = null;
			if (pixels > this.limits.maxPixels()) {
				int factor = (int) Math.ceil(Math.sqrt((double) pixels / this.limits.maxPixels()));
				param.setSourceSubsampling(factor, factor, 0, 0);
				note = "read at 1/" + factor + " of its resolution to fit the pixel budget";
				dpi = dpi / factor;
			}
			BufferedImage image = this.reader.read(index, param);
			return new SourcePage(index, image, dpi, null, List.of(), note);
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadablePageException("page " + (index + 1) + " cannot be decoded: " + ex.getMessage(), ex);
		}
	}

	/** The horizontal resolution from the standard image metadata, 0 when the file does not record it. */
	private int dpi(int index) {
		try {
			IIOMetadata metadata = this.reader.getImageMetadata(index);
			if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
				return 0;
			}
			IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
			NodeList sizes = root.getElementsByTagName("HorizontalPixelSize");
			if (sizes.getLength() == 0) {
				return 0;
			}
			float mmPerPixel = Float.parseFloat(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
			if (mmPerPixel <= 0) {
				return 0;
			}
			int dpi = Math.round(25.4f / mmPerPixel);
			return (dpi >= 50 && dpi <= 10_000) ? dpi : 0;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** A decoder warning (truncated or damaged data) stops the page: half a page must not pass for a whole one. */
	private static final class TruncatedImageWarning extends RuntimeException {

		TruncatedImageWarning(String warning) {
			super("the decoder reports: " + warning);
		}

	}

	@Override
	public void close() throws IOException {
		this.reader.dispose();
		this.input.close();
	}

}
