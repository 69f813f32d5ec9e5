package be.permitarchive.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.GlyphTable;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

import be.permitarchive.ocr.Word;

/**
 * Lays OCR words over the page image as invisible text (rendering mode 3) in an embedded, subset Liberation Sans.
 * <p>
 * Each word is fitted to its box: the font size and baseline are chosen so that the ink of the word's glyphs spans
 * the box height (so a word with descenders gets its baseline above the box bottom, one without sits on it), and the
 * horizontal scaling (Tz) makes the word exactly as wide as the box. Every word but the page's last is followed by a
 * space, stretched over the gap when the next word continues the line, so copied text has its words separated.
 * Characters the font lacks become '?'.
 */
final class InvisibleTextLayer {

	static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	static final char REPLACEMENT = '?';

	/** Below this ink height (in em) the box is too flat to fit the ink (a dash, a dot): use this many em. */
	private static final float MIN_INK_EM = 0.5f;

	/** Ink height assumed when the glyphs have no outline data. */
	private static final float DEFAULT_INK_EM = 0.7f;

	private static final float MIN_HORIZONTAL_SCALING = 1f;

	private final PDType0Font font;

	private final CmapLookup cmap;

	private final GlyphTable glyphs;

	private final float unitsPerEm;

	private InvisibleTextLayer(PDType0Font font) throws IOException {
		this.font = font;
		TrueTypeFont trueType = ((PDCIDFontType2) font.getDescendantFont()).getTrueTypeFont();
		this.cmap = trueType.getUnicodeCmapLookup();
		this.glyphs = trueType.getGlyph();
		this.unitsPerEm = trueType.getUnitsPerEm();
	}

	static InvisibleTextLayer load(PDDocument document) throws IOException {
		try (InputStream ttf = InvisibleTextLayer.class.getResourceAsStream(FONT_RESOURCE)) {
			if (ttf == null) {
				throw new IllegalStateException(
						"font " + FONT_RESOURCE + " not on the class path: it ships in the pdfbox jar, check the version");
			}
			return new InvisibleTextLayer(PDType0Font.load(document, ttf, true));
		}
	}

	/** Words without visible characters (tesseract reports some on drawings) add nothing to the text layer. */
	static boolean isDrawable(Word word) {
		return word.text() != null && !word.text().codePoints().allMatch(InvisibleTextLayer::isSpace);
	}

	private static boolean isSpace(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
	}

	/** Draws the drawable words in their order; the content stream's graphics state is left as it was. */
	void draw(PDPageContentStream content, List<Word> words, PageGeometry geometry) throws IOException {
		List<Word> drawable = words.stream().filter(InvisibleTextLayer::isDrawable).toList();
		content.beginText();
		content.setRenderingMode(RenderingMode.NEITHER);
		for (int i = 0; i < drawable.size(); i++) {
			Word word = drawable.get(i);
			Word next = (i + 1 < drawable.size()) ? drawable.get(i + 1) : null;
			drawWord(content, word, next, geometry);
		}
		content.endText();
	}

	private void drawWord(PDPageContentStream content, Word word, Word next, PageGeometry geometry)
			throws IOException {
		String text = printable(word.text());
		float boxWidth = Math.max(geometry.widthPt(word), geometry.pointsPerPixel());
		float boxHeight = Math.max(geometry.heightPt(word), geometry.pointsPerPixel());

		float[] ink = inkExtentEm(text); // {bottom, top} relative to the baseline, in em
		float inkHeight = ink[1] - ink[0];
		if (inkHeight < MIN_INK_EM) {
			float middle = (ink[0] + ink[1]) / 2;
			ink = new float[] { middle - MIN_INK_EM / 2, middle + MIN_INK_EM / 2 };
			inkHeight = MIN_INK_EM;
		}
		float fontSize = boxHeight / inkHeight;
		float baseline = geometry.bottomPt(word) - ink[0] * fontSize;
		float naturalWidth = this.font.getStringWidth(text) / 1000f * fontSize;

		content.setFont(this.font, fontSize);
		content.setTextMatrix(Matrix.getTranslateInstance(geometry.leftPt(word), baseline));
		content.setHorizontalScaling(scaling(boxWidth, naturalWidth));
		content.showText(text);

		if (next != null) {
			// a real space, so words stay separated in copied text whatever a viewer makes of the geometry
			float spaceWidth = this.font.getStringWidth(" ") / 1000f * fontSize;
			float gap = geometry.leftPt(next) - (geometry.leftPt(word) + boxWidth);
			content.setHorizontalScaling(onSameLine(word, next) ? scaling(gap, spaceWidth) : 100f);
			content.showText(" ");
		}
	}

	/**
	 * NFC-normalised text with every character the font cannot show replaced by {@value #REPLACEMENT} and whitespace
	 * by a space.
	 */
	String printable(String text) {
		String normalised = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
		StringBuilder printable = new StringBuilder(normalised.length());
		normalised.codePoints().forEach(codePoint -> {
			if (isSpace(codePoint)) {
				printable.append(' ');
			}
			else if (!Character.isISOControl(codePoint) && this.cmap.getGlyphId(codePoint) > 0) {
				printable.appendCodePoint(codePoint);
			}
			else {
				printable.append(REPLACEMENT);
			}
		});
		return printable.toString();
	}

	/** The lowest and highest ink of the text's glyphs relative to the baseline, in em. */
	private float[] inkExtentEm(String text) throws IOException {
		int low = Integer.MAX_VALUE;
		int high = Integer.MIN_VALUE;
		for (int codePoint : text.codePoints().toArray()) {
			GlyphData glyph = this.glyphs.getGlyph(this.cmap.getGlyphId(codePoint));
			if (glyph != null && glyph.getNumberOfContours() != 0) {
				low = Math.min(low, glyph.getYMinimum());
				high = Math.max(high, glyph.getYMaximum());
			}
		}
		if (low > high) {
			return new float[] { 0f, DEFAULT_INK_EM };
		}
		return new float[] { low / this.unitsPerEm, high / this.unitsPerEm };
	}

	private static float scaling(float wantedWidth, float naturalWidth) {
		if (naturalWidth <= 0) {
			return 100f;
		}
		return Math.max(MIN_HORIZONTAL_SCALING, 100f * wantedWidth / naturalWidth);
	}

	/** Next word continues the line: it starts to the right and the boxes overlap by half the smaller height. */
	private static boolean onSameLine(Word word, Word next) {
		int overlap = Math.min(word.top() + word.height(), next.top() + next.height())
				- Math.max(word.top(), next.top());
		return next.left() > word.left() && overlap * 2 >= Math.min(word.height(), next.height());
	}

}
