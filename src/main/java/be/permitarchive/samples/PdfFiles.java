package be.permitarchive.samples;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import be.permitarchive.samples.SampleDossier.Typeface;

/**
 * Writes PDFs the way a delivery holds them: image-only scans (one grey image per page, page size = pixels at 300
 * dpi) and born-digital documents with a real text layer. No dates and a fixed document id keep the bytes stable.
 */
final class PdfFiles {

	private static final float POINTS_PER_PIXEL = 72f / PageRenderer.DPI;

	private PdfFiles() {
	}

	/** One page per image, JPEG-compressed ({@code jpeg}) or Flate (lossless). */
	static void imageOnly(List<BufferedImage> pages, boolean jpeg, long documentId, Path file) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (BufferedImage image : pages) {
				PDImageXObject xobject = jpeg ? JPEGFactory.createFromByteArray(document, ImageFiles.jpegBytes(image))
						: LosslessFactory.createFromImage(document, image);
				float width = image.getWidth() * POINTS_PER_PIXEL;
				float height = image.getHeight() * POINTS_PER_PIXEL;
				PDPage page = new PDPage(new PDRectangle(width, height));
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.drawImage(xobject, 0, 0, width, height);
				}
			}
			save(document, documentId, "scan", file);
		}
	}

	/** A4 pages with the lines set in an embedded TrueType font, as a word processor would export them. */
	static void textLayer(List<List<String>> pages, Typeface typeface, byte[] fontFile, long documentId, Path file)
			throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDFont font = PDType0Font.load(document, new ByteArrayInputStream(fontFile), true);
			float size = Fonts.points(typeface);
			float leading = size * 1.4f;
			for (List<String> lines : pages) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(font, size);
					content.setLeading(leading);
					content.newLineAtOffset(62f, PDRectangle.A4.getHeight() - 72f - size);
					for (String line : lines) {
						float width = font.getStringWidth(line) / 1000f * size;
						float fitted = width > 480f ? size * 480f / width : size;
						content.setFont(font, fitted);
						content.showText(line);
						content.newLine();
					}
					content.endText();
				}
			}
			save(document, documentId, "export", file);
		}
	}

	private static void save(PDDocument document, long documentId, String kind, Path file) throws IOException {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setProducer("permit-archive sample generator");
		info.setTitle("Zandhoveke sample dossier (" + kind + ")");
		document.setDocumentId(documentId);
		Files.deleteIfExists(file);
		document.save(file.toFile());
	}

}
