package be.permitarchive.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * The OCR engine port. One instance is used by one thread only, for many pages; it adds no parallelism of its own
 * (the pipeline parallelises over pages).
 */
public interface OcrEngine extends AutoCloseable {

	/**
	 * Recognises the text on a page image, first turning the page upright when it lies on its side or upside down.
	 * @param dpi the resolution of the image, 0 when unknown
	 * @throws OcrTimeoutException when recognition took longer than the engine's per-page limit
	 */
	RecognizedPage recognize(BufferedImage image, int dpi) throws OcrException;

	/**
	 * Recognises the text in one region of a page image only (a plan's title block), as the page lies: no
	 * orientation check. Word boxes and the ALTO XML are in pixels of the whole image.
	 * @param region the part of {@code image} to read, in its pixels
	 * @throws OcrTimeoutException when recognition took longer than the engine's per-page limit
	 */
	RecognizedPage recognizeRegion(BufferedImage image, int dpi, Rectangle region) throws OcrException;

	/** Engine name, version and language, recorded with every page it read (e.g. {@code tesseract 5.3.0 nld}). */
	String description();

	@Override
	void close();

}
