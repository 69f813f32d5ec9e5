package be.permitarchive.extract;

import java.util.List;

import be.permitarchive.ocr.Word;

/** A rectangle in pixels of the page image, origin top left. */
public record Box(int left, int top, int width, int height) {

	/** The smallest box around the words, or null when there are none. */
	static Box around(List<Word> words) {
		if (words.isEmpty()) {
			return null;
		}
		int left = Integer.MAX_VALUE;
		int top = Integer.MAX_VALUE;
		int right = Integer.MIN_VALUE;
		int bottom = Integer.MIN_VALUE;
		for (Word word : words) {
			left = Math.min(left, word.left());
			top = Math.min(top, word.top());
			right = Math.max(right, word.left() + word.width());
			bottom = Math.max(bottom, word.top() + word.height());
		}
		return new Box(left, top, right - left, bottom - top);
	}

}
