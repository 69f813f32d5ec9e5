package be.permitarchive.page;

import java.awt.image.BufferedImage;
import java.util.List;

import be.permitarchive.ocr.Word;

/**
 * One page as read from an original file, before OCR.
 * @param index 0-based index within its document
 * @param image the page image at {@code dpi}; for a text-layer page a rendering for the access copy
 * @param dpi the resolution of {@code image}, 0 when the file does not say
 * @param textLayer the page's own text when it has a real text layer (born-digital PDF), otherwise null
 * @param textLayerWords the words of that text layer, in pixels of {@code image}
 * @param note what was done to the page on reading (downsampled to fit the pixel budget, ...), or null
 */
public record SourcePage(int index, BufferedImage image, int dpi, String textLayer, List<Word> textLayerWords,
		String note) {

	public boolean hasTextLayer() {
		return this.textLayer != null;
	}

	public int width() {
		return this.image.getWidth();
	}

	public int height() {
		return this.image.getHeight();
	}

}
