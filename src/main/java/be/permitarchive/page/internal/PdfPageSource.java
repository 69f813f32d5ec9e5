package be.permitarchive.page.internal;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import be.permitarchive.ocr.Word;
import be.permitarchive.page.PageLimits;
import be.permitarchive.page.PageSource;
import be.permitarchive.page.SourcePage;
import be.permitarchive.page.UnreadablePageException;
import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Pages of a PDF through PDFBox. Image-only pages are rendered at the native resolution of their largest image (not
 * at a fixed resolution of the page size: a 2400 ppi image on a small page would come out unreadable), within the
 * pixel budget; a page that is nothing but one scanned image gives that image as stored, without rendering. Pages with
 * a real text layer keep their text.
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

	/**
	 * Eight bytes a pixel at the resolution the page is rendered at, within the pixel budget: the rendering (four)
	 * and its largest image decoded (up to three), with the rest for PDFBox. 0 when the page cannot be looked at.
	 */
	@Override
	public long heapBytes(int index) {
		try {
			PDPage page = this.document.getPage(index);
			PDRectangle box = page.getCropBox();
			NativeImage nativeImage = nativeImage(page.getResources(), box);
			int dpi = Math.max(this.limits.textLayerDpi(),
					nativeImage.dpi() > 0 ? nativeImage.dpi() : this.limits.assumedDpi());
			double pixels = (box.getWidth() / 72.0 * dpi) * (box.getHeight() / 72.0 * dpi);
			return (long) Math.min(pixels, this.limits.maxPixels()) * 8;
		}
		catch (IOException | RuntimeException ex) {
			return 0; // reading the page will say what is wrong
		}
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
			if (note == null) {
				Optional<BufferedImage> scan = storedScan(page);
				if (scan.isPresent()) {
					return new SourcePage(index, scan.get(), dpi, null, List.of(), null);
				}
			}
			ImageType type = nativeImage.colour() ? ImageType.RGB : ImageType.GRAY;
			BufferedImage image = this.renderer.renderImageWithDPI(index, dpi, type);
			return new SourcePage(index, image, dpi, null, List.of(), note);
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadablePageException("page " + (index + 1) + " cannot be rendered: " + ex.getMessage(), ex);
		}
	}

	/**
	 * {@link #scanImage}, or empty when the stored image cannot be decoded that way: the page is then rendered, and
	 * PDFBox's own filters may read what the image decoder refused.
	 */
	private Optional<BufferedImage> storedScan(PDPage page) {
		try {
			return scanImage(page);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The page's image as stored, without rendering, when the page is nothing but one scan: its content only places
	 * one 8-bit grey or RGB image, upright, over the whole crop box (no mask, no decode array, no other drawing), as
	 * scanners write their PDFs. Rendering such a page gives the same pixels, much more slowly (PDFBox converts every
	 * pixel through RGB). Empty for any other page, which is then rendered.
	 */
	Optional<BufferedImage> scanImage(PDPage page) throws IOException {
		if (page.getRotation() % 360 != 0 || page.getResources() == null) {
			return Optional.empty();
		}
		PDImageXObject image = null;
		Deque<double[]> saved = new ArrayDeque<>();
		double[] ctm = { 1, 0, 0, 1, 0, 0 };
		List<COSBase> operands = new ArrayList<>();
		for (Object token : new PDFStreamParser(page).parse()) {
			if (token instanceof COSBase operand) {
				operands.add(operand);
				continue;
			}
			String op = ((Operator) token).getName();
			switch (op) {
				case "q" -> saved.push(ctm.clone());
				case "Q" -> ctm = saved.isEmpty() ? ctm : saved.pop();
				case "cm" -> {
					if (operands.size() != 6 || !operands.stream().allMatch(COSNumber.class::isInstance)) {
						return Optional.empty();
					}
					double[] m = operands.stream().mapToDouble((o) -> ((COSNumber) o).floatValue()).toArray();
					ctm = new double[] { m[0] * ctm[0] + m[1] * ctm[2], m[0] * ctm[1] + m[1] * ctm[3],
							m[2] * ctm[0] + m[3] * ctm[2], m[2] * ctm[1] + m[3] * ctm[3],
							m[4] * ctm[0] + m[5] * ctm[2] + ctm[4], m[4] * ctm[1] + m[5] * ctm[3] + ctm[5] };
				}
				case "Do" -> {
					if (image != null || operands.size() != 1 || !(operands.get(0) instanceof COSName name)
							|| !(page.getResources().getXObject(name) instanceof PDImageXObject drawn)
							|| !coversUpright(ctm, page.getCropBox())) {
						return Optional.empty();
					}
					image = drawn;
				}
				default -> {
					return Optional.empty(); // anything else drawn or changed: render the page
				}
			}
			operands.clear();
		}
		if (image == null || (long) image.getWidth() * image.getHeight() > this.limits.maxPixels()
				|| image.isStencil() || image.getBitsPerComponent() != 8 || image.getDecode() != null
				|| image.getColorKeyMask() != null || image.getMask() != null || image.getSoftMask() != null
				|| !(image.getColorSpace() instanceof PDDeviceGray || image.getColorSpace() instanceof PDDeviceRGB)) {
			return Optional.empty();
		}
		boolean grey = image.getColorSpace() instanceof PDDeviceGray;
		int bands = grey ? 1 : 3;
		List<COSName> filters = image.getStream().getFilters();
		BufferedImage scan = null;
		if (filters.equals(List.of(COSName.DCT_DECODE))) {
			// the JPEG as scanned, decoded by the JPEG reader directly
			try (InputStream jpeg = image.getStream().createInputStream(List.of(COSName.DCT_DECODE.getName()))) {
				scan = ImageIO.read(jpeg);
			}
		}
		else if (filters.isEmpty() || filters.equals(List.of(COSName.FLATE_DECODE))) {
			// 8-bit samples, row after row: they are the pixels
			byte[] samples;
			try (InputStream in = image.getStream().createInputStream()) {
				samples = in.readNBytes(image.getWidth() * image.getHeight() * bands + 1);
			}
			if (samples.length == image.getWidth() * image.getHeight() * bands) {
				scan = new BufferedImage(image.getWidth(), image.getHeight(),
						grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
				if (grey) {
					System.arraycopy(samples, 0, ((DataBufferByte) scan.getRaster().getDataBuffer()).getData(), 0,
							samples.length);
				}
				else {
					scan.getRaster().setDataElements(0, 0, image.getWidth(), image.getHeight(), samples);
				}
			}
		}
		boolean expected = scan != null && scan.getWidth() == image.getWidth() && scan.getHeight() == image.getHeight()
				&& scan.getColorModel().getNumComponents() == bands && !scan.getColorModel().hasAlpha();
		return expected ? Optional.of(scan) : Optional.empty();
	}

	/** Whether the transformation places the unit square exactly over the box, not turned or mirrored. */
	private static boolean coversUpright(double[] ctm, PDRectangle box) {
		double tolerance = 1.0;
		return Math.abs(ctm[1]) < 1e-6 && Math.abs(ctm[2]) < 1e-6 && ctm[0] > 0 && ctm[3] > 0
				&& Math.abs(ctm[0] - box.getWidth()) < tolerance && Math.abs(ctm[3] - box.getHeight()) < tolerance
				&& Math.abs(ctm[4] - box.getLowerLeftX()) < tolerance
				&& Math.abs(ctm[5] - box.getLowerLeftY()) < tolerance;
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
