package be.permitarchive.ocr;

import java.util.List;

/**
 * What OCR read on one page image: the plain text, the words with their boxes, the mean word confidence (0-100) and
 * the page as ALTO XML. {@code rotation} is the clockwise rotation in degrees (0, 90, 180, 270) that was applied to
 * the image before recognition; the word boxes refer to the rotated image.
 */
public record RecognizedPage(String text, List<Word> words, float meanConfidence, String altoXml, int rotation) {

	public RecognizedPage {
		words = List.copyOf(words);
	}

	public static RecognizedPage empty() {
		return new RecognizedPage("", List.of(), 0f, "", 0);
	}

	public boolean isEmpty() {
		return text.isBlank();
	}

}
