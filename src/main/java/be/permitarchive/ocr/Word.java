package be.permitarchive.ocr;

/**
 * One recognised word with its bounding box in pixels of the page image (origin top left) and Tesseract's
 * confidence (0-100).
 */
public record Word(String text, int left, int top, int width, int height, float confidence) {

	public Word {
		if (width < 0 || height < 0) {
			throw new IllegalArgumentException("negative box for word '" + text + "'");
		}
	}

}
