package be.permitarchive.store.internal;

import be.permitarchive.ocr.Word;

/**
 * Converts between the pixels of a page image (origin top left) and PDF points (origin bottom left): 72 / dpi points
 * per pixel and a flipped y axis.
 */
record PageGeometry(int widthPx, int heightPx, int dpi) {

	float pointsPerPixel() {
		return 72f / this.dpi;
	}

	float widthPt() {
		return this.widthPx * pointsPerPixel();
	}

	float heightPt() {
		return this.heightPx * pointsPerPixel();
	}

	float leftPt(Word word) {
		return word.left() * pointsPerPixel();
	}

	/** The y of the bottom edge of the word's box, in PDF points from the bottom of the page. */
	float bottomPt(Word word) {
		return (this.heightPx - (word.top() + word.height())) * pointsPerPixel();
	}

	float widthPt(Word word) {
		return word.width() * pointsPerPixel();
	}

	float heightPt(Word word) {
		return word.height() * pointsPerPixel();
	}

}
