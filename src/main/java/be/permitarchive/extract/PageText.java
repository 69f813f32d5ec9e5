package be.permitarchive.extract;

import java.util.List;

import be.permitarchive.dossier.PageKind;
import be.permitarchive.ocr.Word;

/**
 * The text of one page of a dossier, as OCR or a born-digital text layer gave it.
 * @param document the file the page is in, relative to the dossier folder
 * @param pageIndex 0-based page within that file
 * @param text the page text, lines separated by {@code \n}
 * @param words the words with their pixel boxes, in reading order; may be empty
 * @param ocr true when the text comes from OCR (and may hold recognition errors), false for a text layer
 * @param kind what the page was classified as before OCR ({@link PageKind#PLAN}: the text is its title block)
 */
public record PageText(String document, int pageIndex, String text, List<Word> words, boolean ocr, PageKind kind) {

	public PageText {
		text = text == null ? "" : text;
		words = words == null ? List.of() : List.copyOf(words);
		kind = kind == null ? (ocr ? PageKind.TEXT : PageKind.TEXT_LAYER) : kind;
	}

	public PageText(String document, int pageIndex, String text, List<Word> words, boolean ocr) {
		this(document, pageIndex, text, words, ocr, null);
	}

	/** The same page, classified as {@code kind}. */
	public PageText withKind(PageKind newKind) {
		return new PageText(document, pageIndex, text, words, ocr, newKind);
	}

	boolean plan() {
		return kind == PageKind.PLAN;
	}

	public static PageText ofOcr(String document, int pageIndex, String text, List<Word> words) {
		return new PageText(document, pageIndex, text, words, true);
	}

	public static PageText ofTextLayer(String document, int pageIndex, String text) {
		return new PageText(document, pageIndex, text, List.of(), false);
	}

}
