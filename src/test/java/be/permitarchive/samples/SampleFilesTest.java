package be.permitarchive.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The committed delivery files say what the ground truth says: page counts, 300 dpi, sizes, a real text layer. */
class SampleFilesTest {

	private static final Path DELIVERY = SampleGeneratorTest.COMMITTED.resolve("delivery");

	@Test
	void imagesRecordThreeHundredDpiAndA4OrA3Pixels() throws IOException {
		for (Scan scan : scans()) {
			if (scan.file().toString().endsWith(".pdf")) {
				continue;
			}
			try (ImageInputStream in = ImageIO.createImageInputStream(scan.file().toFile())) {
				ImageReader reader = ImageIO.getImageReaders(in).next();
				reader.setInput(in);
				assertThat(reader.getNumImages(true)).as(scan.file().toString()).isEqualTo(scan.pages().size());
				for (int i = 0; i < scan.pages().size(); i++) {
					assertThat(dpi(reader.getImageMetadata(i))).as(scan.file() + " page " + i).isCloseTo(300, within(0.5));
					assertSize(reader.getWidth(i), reader.getHeight(i), scan.pages().get(i));
				}
				reader.dispose();
			}
		}
	}

	@Test
	void imageOnlyPdfPagesMatchTheirImageAtThreeHundredDpi() throws IOException {
		for (Scan scan : scans()) {
			if (!scan.file().toString().endsWith(".pdf") || textLayer(scan)) {
				continue;
			}
			try (PDDocument pdf = Loader.loadPDF(scan.file().toFile())) {
				assertThat(pdf.getNumberOfPages()).isEqualTo(scan.pages().size());
				for (int i = 0; i < pdf.getNumberOfPages(); i++) {
					PDPage page = pdf.getPage(i);
					COSName name = page.getResources().getXObjectNames().iterator().next();
					PDImageXObject image = (PDImageXObject) page.getResources().getXObject(name);
					assertThat(page.getMediaBox().getWidth() * 300 / 72).isCloseTo(image.getWidth(), within(1f));
					assertThat(page.getMediaBox().getHeight() * 300 / 72).isCloseTo(image.getHeight(), within(1f));
					assertThat(image.getBitsPerComponent()).isEqualTo(8);
					assertSize(image.getWidth(), image.getHeight(), scan.pages().get(i));
				}
			}
		}
	}

	@Test
	void bornDigitalPdfHasTheGroundTruthAsItsTextLayer() throws IOException {
		int checked = 0;
		for (Scan scan : scans()) {
			if (!textLayer(scan)) {
				continue;
			}
			try (PDDocument pdf = Loader.loadPDF(scan.file().toFile())) {
				PDFTextStripper stripper = new PDFTextStripper();
				for (int i = 0; i < pdf.getNumberOfPages(); i++) {
					stripper.setStartPage(i + 1);
					stripper.setEndPage(i + 1);
					assertThat(normalized(stripper.getText(pdf)))
						.isEqualTo(normalized(scan.pages().get(i).get("text").asString()));
					checked++;
				}
			}
		}
		assertThat(checked).isPositive();
	}

	private record Scan(Path file, List<JsonNode> pages) {
	}

	private static List<Scan> scans() throws IOException {
		List<Scan> scans = new ArrayList<>();
		for (JsonNode dossier : SampleGeneratorTest.dossiers()) {
			for (JsonNode document : dossier.get("documents")) {
				List<JsonNode> pages = new ArrayList<>();
				document.get("pages").forEach(pages::add);
				scans.add(new Scan(DELIVERY.resolve(dossier.get("folder").asString()).resolve(document.get("file")
					.asString()), pages));
			}
		}
		return scans;
	}

	private static boolean textLayer(Scan scan) {
		return scan.pages().stream().allMatch(p -> "text-layer".equals(p.get("kind").asString()));
	}

	private static void assertSize(int width, int height, JsonNode page) {
		if ("plan".equals(page.get("kind").asString())) {
			assertThat(new int[] { width, height }).containsExactly(PlanRenderer.A3_WIDTH, PlanRenderer.A3_HEIGHT);
		}
		else {
			assertThat(new int[] { width, height }).containsExactly(PageRenderer.A4_WIDTH, PageRenderer.A4_HEIGHT);
		}
	}

	/** Dots per inch from the standard ImageIO metadata (millimetres per pixel). */
	private static double dpi(IIOMetadata metadata) {
		IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
		IIOMetadataNode size = (IIOMetadataNode) root.getElementsByTagName("HorizontalPixelSize").item(0);
		assertThat(size).as("no resolution recorded").isNotNull();
		return 25.4 / Double.parseDouble(size.getAttribute("value"));
	}

	private static String normalized(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

}
