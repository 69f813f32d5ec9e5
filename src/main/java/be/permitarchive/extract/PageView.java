package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;

import be.permitarchive.ocr.Word;

/**
 * A page prepared for the rules: the text with typographic variants folded and line breaks inside a paragraph turned
 * into spaces (character for character, so offsets stay those of the original), and each OCR word anchored at its
 * offset so that a match can be turned into a box and a recognition confidence.
 */
final class PageView {

	/** Confidence of a page without word confidences (OCR text without boxes). */
	private static final double UNKNOWN_OCR_CONFIDENCE = 0.8;

	final PageText page;

	/** Paragraphs are separated by "\n\n"; every other line break is a space. Same length as the page text. */
	final String flat;

	/** What kind of document the page belongs to ({@link DocumentRoles}); {@link DocumentRole#OTHER} until known. */
	final DocumentRole role;

	private final int[] wordStarts;

	private final List<Line> lines;

	PageView(PageText page) {
		this(page, DocumentRole.OTHER, flatten(page.text()), anchor(page.text(), page.words()));
	}

	private PageView(PageText page, DocumentRole role, String flat, int[] wordStarts) {
		this.page = page;
		this.role = role;
		this.flat = flat;
		this.wordStarts = wordStarts;
		this.lines = lines(page.text());
	}

	/** The same page as part of a document of {@code newRole}. */
	PageView withRole(DocumentRole newRole) {
		return new PageView(page, newRole, flat, wordStarts);
	}

	/** One line of the page text at [start, end), without its line break. */
	record Line(int start, int end, String text) {

		boolean isBlank() {
			return text.isBlank();
		}

	}

	/** The lines of the page, in order, blank ones included. */
	List<Line> lines() {
		return lines;
	}

	/** The index of the line holding {@code offset}. */
	int lineIndex(int offset) {
		for (int i = 0; i < lines.size(); i++) {
			if (offset <= lines.get(i).end()) {
				return i;
			}
		}
		return lines.size() - 1;
	}

	/** The nearest non-blank line before line {@code index}, or null. */
	Line lineAbove(int index) {
		for (int i = index - 1; i >= 0; i--) {
			if (!lines.get(i).isBlank()) {
				return lines.get(i);
			}
		}
		return null;
	}

	/**
	 * The label on the line above a value that begins its line, when that line is only a label (at most three words,
	 * no digits): OCR reads a form's or a file card's label column and value column as separate lines ("Dossier" /
	 * "B 237/77", "Schepencollege" / "19-5-77 geweigerd"). Null otherwise.
	 */
	String labelAbove(int offset) {
		int index = lineIndex(offset);
		Line line = lines.get(index);
		if (!line.text().substring(0, Math.max(0, Math.min(line.text().length(), offset - line.start()))).isBlank()) {
			return null;
		}
		Line above = lineAbove(index);
		if (above == null) {
			return null;
		}
		String text = above.text().strip().replaceAll("[\\s:.,;|_-]+$", "").replaceAll("^[|_\\s]+", "");
		return text.isEmpty() || text.matches(".*\\d.*") || Tokens.of(text).size() > 3 ? null : text;
	}

	/** The horizontal extent in pixels of the words at [start, end), or null without word boxes. */
	int[] xRange(int start, int end) {
		List<Word> words = wordsIn(start, end);
		if (words.isEmpty()) {
			return null;
		}
		int left = Integer.MAX_VALUE;
		int right = Integer.MIN_VALUE;
		for (Word word : words) {
			left = Math.min(left, word.left());
			right = Math.max(right, word.left() + word.width());
		}
		return new int[] { left, right };
	}

	private static List<Line> lines(String text) {
		List<Line> lines = new ArrayList<>();
		int start = 0;
		while (start <= text.length()) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			lines.add(new Line(start, end, text.substring(start, end)));
			start = end + 1;
		}
		return List.copyOf(lines);
	}

	static String flatten(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = fold(chars[i]);
		}
		for (int i = 0; i < chars.length; i++) {
			if (chars[i] == '\n') {
				boolean paragraphEnd = (i > 0 && text.charAt(i - 1) == '\n')
						|| (i + 1 < chars.length && text.charAt(i + 1) == '\n');
				if (!paragraphEnd) {
					chars[i] = ' ';
				}
			}
		}
		return new String(chars);
	}

	/** One-for-one replacements of what OCR and word processors use for quotes, dashes and spaces. */
	static char fold(char c) {
		return switch (c) {
			case '\u2018', '\u2019', '\u00b4', '`' -> '\'';
			case '\u201c', '\u201d', '\u201e' -> '"';
			case '\u201a' -> ',';
			case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u00ad' -> '-';
			case '\u00a0', '\t', '\r', '\u2009', '\u202f' -> ' ';
			default -> c;
		};
	}

	/** The offset of each word in the text (words are in reading order), -1 where a word cannot be found. */
	private static int[] anchor(String text, List<Word> words) {
		int[] starts = new int[words.size()];
		int cursor = 0;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i).text();
			int at = word.isEmpty() ? -1 : text.indexOf(word, cursor);
			if (at >= 0 && at - cursor < 400) {
				starts[i] = at;
				cursor = at + word.length();
			}
			else {
				starts[i] = -1;
			}
		}
		return starts;
	}

	private List<Word> wordsIn(int start, int end) {
		List<Word> inside = new ArrayList<>();
		for (int i = 0; i < wordStarts.length; i++) {
			int from = wordStarts[i];
			if (from >= 0 && from < end && from + page.words().get(i).text().length() > start) {
				inside.add(page.words().get(i));
			}
		}
		return inside;
	}

	/** How far recognition can be trusted for the text between the offsets: 1 for a text layer. */
	double readingConfidence(int start, int end) {
		if (!page.ocr()) {
			return 1.0;
		}
		List<Word> words = wordsIn(start, end);
		if (words.isEmpty()) {
			return UNKNOWN_OCR_CONFIDENCE;
		}
		double lowest = 100;
		double sum = 0;
		for (Word word : words) {
			lowest = Math.min(lowest, word.confidence());
			sum += word.confidence();
		}
		// one badly read word spoils a value: weigh the worst word as much as the mean
		return Math.max(0, Math.min(1, (sum / words.size() + lowest) / 200.0));
	}

	Evidence evidence(int start, int end) {
		return new Evidence(page.document(), page.pageIndex(), Box.around(wordsIn(start, end)),
				page.text().substring(start, end).strip());
	}

	/** A candidate value read between the offsets by {@code method} whose rule is {@code ruleConfidence} sure. */
	<T> Extracted<T> candidate(T value, double ruleConfidence, String method, int start, int end) {
		return new Extracted<>(value, ruleConfidence * readingConfidence(start, end), method, evidence(start, end));
	}

	/**
	 * A candidate whose evidence is [start, end) but whose recognition is judged on the decisive words at
	 * [readStart, readEnd) only: a verdict hangs on its verb, not on how well the rest of the sentence was read.
	 */
	<T> Extracted<T> candidate(T value, double ruleConfidence, String method, int start, int end, int readStart,
			int readEnd) {
		return new Extracted<>(value, ruleConfidence * readingConfidence(readStart, readEnd), method,
				evidence(start, end));
	}

	/** The end of the paragraph that holds {@code offset}. */
	int paragraphEnd(int offset) {
		int end = flat.indexOf("\n", offset);
		return end < 0 ? flat.length() : end;
	}

}
