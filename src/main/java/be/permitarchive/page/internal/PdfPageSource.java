package be.permitarchive.page.internal;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import be.permitarchive.ocr.Word;
import be.permitarchive.page.PageLimits;
import be.permitarchive.page.PageSource;
import be.permitarchive.page.SourcePage;
import be.permitarchive.page.UnreadablePageException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Pages of a PDF through PDFBox. Image-only pages are rendered at the native resolution of their largest image (not
 * at a fixed resolution of the page size: a 2400 ppi image on a small page would come out unreadable), within the
 * pixel budget. Pages with a real text layer keep their text.
 */
public final class PdfPageSource implements PageSource {

	/** A page with fewer letters and digits than this in its text layer is treated as a scan. */
	private static final int MIN_TEXT_LAYER_CHARS = 20;

	private final PDDocument document;

	private final PDFRenderer renderer;

	private final PageLimits limits;

	private PdfPageSource(PDDocument document, PageLimits limits) {
		this.document = document;
		this.renderer = new PDFRenderer(document);
		this.renderer.setSubsamplingAllowed(true);
		this.limits = limits;
	}

	public static PdfPageSource open(Path file, PageLimits limits) throws IOException {
		return new PdfPageSource(Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache()), limits);
	}

	@Override
	public int pageCount() {
		return this.document.getNumberOfPages();
	}

	@Override
	public SourcePage page(int index) throws IOException {
		try {
			PDPage page = this.document.getPage(index);
			TextLayer textLayer = textLayer(index);
			if (textLayer.isReal()) {
				float scale = this.limits.textLayerDpi() / 72f;
				BufferedImage image = this.renderer.renderImageWithDPI(index, this.limits.textLayerDpi(), ImageType.RGB);
				List<Word> words = textLayer.words().stream().map((w) -> scaled(w, scale)).toList();
				return new SourcePage(index, image, this.limits.textLayerDpi(), textLayer.text(), words, null);
			}
			PDRectangle box = page.getCropBox();
			NativeImage nativeImage = nativeImage(page.getResources(), box);
			int dpi = nativeImage.dpi() > 0 ? nativeImage.dpi() : this.limits.assumedDpi();
			String note = null;
			double pixels = (box.getWidth() / 72.0 * dpi) * (box.getHeight() / 72.0 * dpi);
			if (pixels > this.limits.maxPixels()) {
				int reduced = (int) Math.floor(dpi * Math.sqrt(this.limits.maxPixels() / pixels));
				note = "downsampled from " + dpi + " to " + reduced + " ppi to fit the pixel budget";
				dpi = Math.max(reduced, 1);
			}
			ImageType type = nativeImage.colour() ? ImageType.RGB : ImageType.GRAY;
			BufferedImage image = this.renderer.renderImageWithDPI(index, dpi, type);
			return new SourcePage(index, image, dpi, null, List.of(), note);
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadablePageException("page " + (index + 1) + " cannot be rendered: " + ex.getMessage(), ex);
		}
	}

	private static Word scaled(Word w, float scale) {
		return new Word(w.text(), Math.round(w.left() * scale), Math.round(w.top() * scale),
				Math.round(w.width() * scale), Math.round(w.height() * scale), 100f);
	}

	private TextLayer textLayer(int index) throws IOException {
		WordCollector stripper = new WordCollector();
		stripper.setStartPage(index + 1);
		stripper.setEndPage(index + 1);
		stripper.setSortByPosition(true);
		String text = stripper.getText(this.document);
		long letters = text.codePoints().filter(Character::isLetterOrDigit).count();
		return new TextLayer(text.strip(), stripper.words, letters >= MIN_TEXT_LAYER_CHARS);
	}

	/** The resolution and colour of the largest image drawn directly on the page. */
	private static NativeImage nativeImage(PDResources resources, PDRectangle box) throws IOException {
		if (resources == null) {
			return new NativeImage(0, false);
		}
		int bestDpi = 0;
		long bestArea = 0;
		boolean colour = false;
		for (COSName name : resources.getXObjectNames()) {
			PDXObject xobject = resources.getXObject(name);
			if (xobject instanceof PDImageXObject image) {
				long area = (long) image.getWidth() * image.getHeight();
				if (area > bestArea) {
					bestArea = area;
					double dpiX = image.getWidth() / (box.getWidth() / 72.0);
					double dpiY = image.getHeight() / (box.getHeight() / 72.0);
					bestDpi = (int) Math.round(Math.max(dpiX, dpiY));
					colour = image.getColorSpace().getNumberOfComponents() >= 3;
				}
			}
		}
		return new NativeImage(bestDpi, colour);
	}

	@Override
	public void close() throws IOException {
		this.document.close();
	}

	private record NativeImage(int dpi, boolean colour) {
	}

	private record TextLayer(String text, List<Word> words, boolean isReal) {
	}

	/** Collects the words of the text layer with their boxes in points (origin top left). */
	private static final class WordCollector extends PDFTextStripper {

		private final List<Word> words = new ArrayList<>();

		WordCollector() throws IOException {
		}

		@Override
		protected void writeString(String text, List<TextPosition> positions) throws IOException {
			super.writeString(text, positions);
			StringBuilder word = new StringBuilder();
			Rectangle2D box = null;
			for (TextPosition position : positions) {
				String unicode = position.getUnicode();
				if (unicode == null || unicode.isBlank()) {
					box = flush(word, box);
					continue;
				}
				Rectangle2D glyph = new Rectangle2D.Float(position.getXDirAdj(),
						position.getYDirAdj() - position.getHeightDir(), position.getWidthDirAdj(),
						position.getHeightDir());
				box = (box == null) ? glyph : box.createUnion(glyph);
				word.append(unicode);
			}
			flush(word, box);
		}

		private Rectangle2D flush(StringBuilder word, Rectangle2D box) {
			if (word.length() > 0 && box != null) {
				this.words.add(new Word(word.toString(), (int) box.getX(), (int) box.getY(),
						(int) Math.ceil(box.getWidth()), (int) Math.ceil(box.getHeight()), 100f));
			}
			word.setLength(0);
			return null;
		}

	}

}
