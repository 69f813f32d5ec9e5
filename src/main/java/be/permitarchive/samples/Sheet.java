package be.permitarchive.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * Typed text laid out the way a typist would: paragraphs wrapped at a fixed number of characters, then cut into
 * pages. Wrapping by characters (not by font metrics) keeps the ground truth independent of the fonts installed.
 */
final class Sheet {

	private final int width;

	private final List<String> lines = new ArrayList<>();

	Sheet(int width) {
		this.width = width;
	}

	Sheet line(String text) {
		if (text.length() > width) {
			throw new IllegalArgumentException("line longer than " + width + " characters: " + text);
		}
		lines.add(text);
		return this;
	}

	Sheet blank() {
		lines.add("");
		return this;
	}

	/** Two texts on one line, the second pushed to the right margin. */
	Sheet spread(String left, String right) {
		int gap = Math.max(2, width - left.length() - right.length());
		return line(left + " ".repeat(gap) + right);
	}

	/** A paragraph wrapped at word boundaries; {@code indent} spaces before the continuation lines. */
	Sheet para(String text, int indent) {
		StringBuilder current = new StringBuilder();
		for (String word : text.split(" ")) {
			if (current.length() > 0 && current.length() + 1 + word.length() > width) {
				lines.add(current.toString());
				current = new StringBuilder(" ".repeat(indent));
			}
			if (current.length() > 0 && !current.toString().isBlank()) {
				current.append(' ');
			}
			current.append(word);
		}
		lines.add(current.toString());
		return this;
	}

	Sheet para(String text) {
		return para(text, 0);
	}

	/** The lines cut into pages of at most {@code maxLines}, breaking at an empty line where one is near. */
	List<List<String>> pages(int maxLines) {
		List<List<String>> pages = new ArrayList<>();
		int start = 0;
		while (start < lines.size()) {
			int end = Math.min(lines.size(), start + maxLines);
			if (end < lines.size()) {
				for (int i = end - 1; i > start + maxLines * 2 / 3; i--) {
					if (lines.get(i).isEmpty()) {
						end = i;
						break;
					}
				}
			}
			List<String> page = new ArrayList<>(lines.subList(start, end));
			while (!page.isEmpty() && page.get(page.size() - 1).isEmpty()) {
				page.remove(page.size() - 1);
			}
			pages.add(page);
			start = end;
			while (start < lines.size() && lines.get(start).isEmpty()) {
				start++;
			}
		}
		return pages;
	}

	List<String> lines() {
		return List.copyOf(lines);
	}

}
