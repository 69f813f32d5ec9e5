package be.permitarchive.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import be.permitarchive.support.VeraPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import be.permitarchive.ocr.Word;

/**
 * Builds access copies from real scans with words from the real tesseract CLI, and checks them with veraPDF and
 * PDFBox the way a user meets them: valid PDF/A-2b, text found where it is printed, the page looking like the scan.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchablePdfWriterTest {

	/** Tesseract test image, 640x480 px bilevel at 200 dpi (Apache-2.0). */
	static final Path PHOTOTEST = resource("scans/phototest.tif");

	static final int PHOTOTEST_DPI = 200;

	/** OCRmyPDF test image, 640x682 px RGB map with place names (CC-BY-SA). */
	static final Path BAIONA = resource("scans/baiona.png");

	static final int BAIONA_DPI = 150;

	@TempDir
	Path dir;

	BufferedImage phototest;

	BufferedImage baiona;

	List<Word> phototestWords;

	List<Word> baionaWords;

	/** phototest (CCITT) then baiona (JPEG), each with its tesseract words. */
	Path dossier;

	/** The same two images without any words. */
	Path bareImages;

	@BeforeAll
	void ocrAndWriteTheDossier(@TempDir Path shared) throws Exception {
		this.phototest = read(PHOTOTEST);
		this.baiona = read(BAIONA);
		this.phototestWords = TesseractTsv.words(PHOTOTEST);
		this.baionaWords = TesseractTsv.words(BAIONA);

		this.dossier = shared.resolve("dossier.pdf");
		try (SearchablePdfWriter writer = new SearchablePdfWriter("Bouwvergunning 1998/0042 Baiona")) {
			writer.addPage(this.phototest, PHOTOTEST_DPI, this.phototestWords);
			writer.addPage(this.baiona, BAIONA_DPI, this.baionaWords);
			assertThat(writer.pageCount()).isEqualTo(2);
			writer.save(this.dossier);
		}
		this.bareImages = shared.resolve("bare.pdf");
		try (SearchablePdfWriter writer = new SearchablePdfWriter("bare")) {
			writer.addPage(this.phototest, PHOTOTEST_DPI, List.of());
			writer.addPage(this.baiona, BAIONA_DPI, List.of());
			writer.save(this.bareImages);
		}
	}

	@Nested
	class PdfA {

		@Test
		void veraPdfFindsTheDossierPdfA2bCompliant() throws Exception {
			// when
			VeraPdf.Report report = VeraPdf.validate2b(SearchablePdfWriterTest.this.dossier);

			// then
			assertThat(report.failures()).as("failed PDF/A-2b rules").isEmpty();
			assertThat(report.compliant()).isTrue();
		}

		@Test
		void veraPdfFindsPagesWithoutWordsPdfA2bCompliant() throws Exception {
			VeraPdf.Report report = VeraPdf.validate2b(SearchablePdfWriterTest.this.bareImages);

			assertThat(report.failures()).as("failed PDF/A-2b rules").isEmpty();
			assertThat(report.compliant()).isTrue();
		}

		@Test
		void metadataCarriesTheTitleAndAFileIdentifier() throws Exception {
			try (PDDocument pdf = Loader.loadPDF(SearchablePdfWriterTest.this.dossier.toFile())) {
				assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Bouwvergunning 1998/0042 Baiona");
				XMPMetadata xmp = new DomXmpParser().parse(pdf.getDocumentCatalog().getMetadata().toByteArray());
				assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
				assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
				assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo("Bouwvergunning 1998/0042 Baiona");
				assertThat(pdf.getDocument().getDocumentID()).isNotNull().hasSize(2);
				assertThat(pdf.getDocumentCatalog().getOutputIntents()).singleElement()
					.satisfies(intent -> assertThat(intent.getOutputConditionIdentifier())
						.isEqualTo("sRGB IEC61966-2.1"));
			}
		}

	}

	@Nested
	class Pages {

		@Test
		void pageSizeIsTheImageSizeAtItsResolution() throws IOException {
			try (PDDocument pdf = Loader.loadPDF(SearchablePdfWriterTest.this.dossier.toFile())) {
				PDPage first = pdf.getPage(0);
				assertThat(first.getMediaBox().getWidth()).isCloseTo(640 * 72f / PHOTOTEST_DPI, within(0.01f));
				assertThat(first.getMediaBox().getHeight()).isCloseTo(480 * 72f / PHOTOTEST_DPI, within(0.01f));
				PDPage second = pdf.getPage(1);
				assertThat(second.getMediaBox().getWidth()).isCloseTo(640 * 72f / BAIONA_DPI, within(0.01f));
				assertThat(second.getMediaBox().getHeight()).isCloseTo(682 * 72f / BAIONA_DPI, within(0.01f));
			}
		}

		@Test
		void bilevelScanIsStoredAsCcittAndColourScanAsJpeg() throws IOException {
			try (PDDocument pdf = Loader.loadPDF(SearchablePdfWriterTest.this.dossier.toFile())) {
				PDImageXObject bilevel = onlyImage(pdf.getPage(0));
				assertThat(bilevel.getCOSObject().getItem(COSName.FILTER)).isEqualTo(COSName.CCITTFAX_DECODE);
				assertThat(bilevel.getBitsPerComponent()).isEqualTo(1);
				assertThat(bilevel.getWidth()).isEqualTo(640);

				PDImageXObject colour = onlyImage(pdf.getPage(1));
				assertThat(colour.getCOSObject().getItem(COSName.FILTER)).isEqualTo(COSName.DCT_DECODE);
				assertThat(colour.getColorSpace().getName()).isEqualTo("DeviceRGB");
				assertThat(colour.getWidth()).isEqualTo(640);
			}
		}

		@Test
		void bilevelImageSurvivesLosslessly() throws IOException {
			try (PDDocument pdf = Loader.loadPDF(SearchablePdfWriterTest.this.dossier.toFile())) {
				BufferedImage stored = onlyImage(pdf.getPage(0)).getImage();
				BufferedImage original = SearchablePdfWriterTest.this.phototest;
				for (int y = 0; y < original.getHeight(); y++) {
					for (int x = 0; x < original.getWidth(); x++) {
						assertThat(stored.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y)
							.isEqualTo(original.getRGB(x, y) & 0xFFFFFF);
					}
				}
			}
		}

		@Test
		void greyscaleScanIsStoredAsGreyJpeg(@TempDir Path out) throws IOException {
			// given
			BufferedImage grey = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
			grey.createGraphics().drawImage(SearchablePdfWriterTest.this.phototest, 0, 0, null);
			Path pdfFile = out.resolve("grey.pdf");

			// when
			try (SearchablePdfWriter writer = new SearchablePdfWriter("grey")) {
				writer.addPage(grey, PHOTOTEST_DPI, SearchablePdfWriterTest.this.phototestWords);
				writer.save(pdfFile);
			}

			// then
			try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile())) {
				PDImageXObject image = onlyImage(pdf.getPage(0));
				assertThat(image.getCOSObject().getItem(COSName.FILTER)).isEqualTo(COSName.DCT_DECODE);
				assertThat(image.getColorSpace().getName()).isEqualTo("DeviceGray");
			}
		}


		@Test
		void aGreyPageDeliveredInColourIsStoredAsGreyJpegWithItsTones(@TempDir Path out) throws Exception {
			// given the same grey page in three colour layouts: BGR bytes, RGB PNG as read back (pdftoppm's -gray
			// output is such a file) and packed ints; and a copy with one coloured pixel
			BufferedImage bgr = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
			bgr.createGraphics().drawImage(SearchablePdfWriterTest.this.phototest, 0, 0, null);
			java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
			ImageIO.write(bgr, "png", png);
			BufferedImage pngRgb = ImageIO.read(new java.io.ByteArrayInputStream(png.toByteArray()));
			BufferedImage ints = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
			ints.createGraphics().drawImage(SearchablePdfWriterTest.this.phototest, 0, 0, null);
			BufferedImage stamped = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
			stamped.createGraphics().drawImage(SearchablePdfWriterTest.this.phototest, 0, 0, null);
			stamped.setRGB(639, 479, 0xC00000);
			Path pdfFile = out.resolve("colour.pdf");

			// when
			try (SearchablePdfWriter writer = new SearchablePdfWriter("colour")) {
				for (BufferedImage page : List.of(bgr, pngRgb, ints, stamped)) {
					writer.addPage(page, PHOTOTEST_DPI, SearchablePdfWriterTest.this.phototestWords);
				}
				writer.save(pdfFile);
			}

			// then
			try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile())) {
				for (int i = 0; i < 3; i++) {
					PDImageXObject image = onlyImage(pdf.getPage(i));
					assertThat(image.getColorSpace().getName()).as("page %d", i + 1).isEqualTo("DeviceGray");
					BufferedImage stored = image.getImage();
					long difference = 0;
					for (int y = 0; y < 480; y++) {
						for (int x = 0; x < 640; x++) {
							difference += Math.abs((stored.getRGB(x, y) & 0xff) - (bgr.getRGB(x, y) & 0xff));
						}
					}
					assertThat(difference / (640.0 * 480)).as("page %d: mean grey difference (JPEG)", i + 1)
						.isLessThan(4.0);
				}
				assertThat(onlyImage(pdf.getPage(3)).getColorSpace().getName()).as("one red pixel keeps the colour")
					.isEqualTo("DeviceRGB");
			}
			assertThat(VeraPdf.validate2b(pdfFile).failures()).as("failed PDF/A-2b rules").isEmpty();
		}
	}

	@Nested
	class TextLayer {

		@Test
		void wordQuickIsSelectableWhereItIsPrinted() throws IOException {
			// given: tesseract's box of the first "quick", converted to points (origin top left, like the stripper)
			Word quick = SearchablePdfWriterTest.this.phototestWords.stream()
				.filter(word -> word.text().equals("quick"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("tesseract did not read 'quick' on phototest"));
			float scale = 72f / PHOTOTEST_DPI;
			float left = quick.left() * scale;
			float right = (quick.left() + quick.width()) * scale;
			float top = quick.top() * scale;
			float bottom = (quick.top() + quick.height()) * scale;

			// when
			List<ExtractedWord> extracted = extractWords(SearchablePdfWriterTest.this.dossier, 1);

			// then
			ExtractedWord found = extracted.stream()
				.filter(word -> word.text().equals("quick"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no 'quick' in the text layer: " + extracted));
			assertThat(found.left()).as("left edge").isCloseTo(left, within(1f));
			assertThat(found.right()).as("right edge").isCloseTo(right, within(1f));
			// 'q' descends below the baseline: the baseline lies inside the box, above its bottom
			assertThat(found.baseline()).as("baseline").isBetween(top + (bottom - top) / 2, bottom);
		}

		@Test
		void everyWordLiesOnItsOcrBox() throws IOException {
			List<ExtractedWord> extracted = extractWords(SearchablePdfWriterTest.this.dossier, 1);
			List<Word> ocr = SearchablePdfWriterTest.this.phototestWords;
			float scale = 72f / PHOTOTEST_DPI;

			assertThat(extracted).hasSameSizeAs(ocr);
			for (int i = 0; i < ocr.size(); i++) {
				Word word = ocr.get(i);
				ExtractedWord got = extracted.get(i);
				assertThat(got.text()).isEqualTo(word.text());
				assertThat(got.left()).as("left of %s", word).isCloseTo(word.left() * scale, within(1f));
				assertThat(got.right()).as("right of %s", word)
					.isCloseTo((word.left() + word.width()) * scale, within(1f));
				assertThat(got.baseline()).as("baseline of %s", word)
					.isBetween(word.top() * scale, (word.top() + word.height()) * scale + 0.5f);
			}
		}

		@Test
		void pageTextHasTheOcrWordsInReadingOrderSeparatedBySpaces() throws IOException {
			// given
			String ocrText = SearchablePdfWriterTest.this.phototestWords.stream()
				.map(Word::text)
				.collect(Collectors.joining(" "));
			assertThat(ocrText).contains("The quick brown dog jumped over the lazy fox");

			// when
			String pageText = pageText(SearchablePdfWriterTest.this.dossier, 1);

			// then
			assertThat(pageText).contains("The quick brown dog jumped over the");
			assertThat(pageText.strip().replaceAll("\\s+", " ")).isEqualTo(ocrText);
		}

		@Test
		void colourPageIsSearchableAndBlankOcrWordsAreLeftOut() throws IOException {
			assertThat(SearchablePdfWriterTest.this.baionaWords).as("tesseract reports blank words on the map")
				.anyMatch(word -> word.text().isBlank());

			String pageText = pageText(SearchablePdfWriterTest.this.dossier, 2);

			assertThat(pageText.split("\\s+")).contains("Tarnose", "Bokale", "Komunikabideak", "BAIONA", "Basusarri");
			// every word in order and nothing for the blank ones (spacing between tesseract's overlapping garbage
			// boxes on the map is up to PDFBox's extractor, which drops a space it sees as a duplicate)
			String expected = SearchablePdfWriterTest.this.baionaWords.stream()
				.map(Word::text)
				.filter(text -> !text.isBlank())
				.collect(Collectors.joining());
			assertThat(pageText.replaceAll("\\s+", "")).isEqualTo(expected);
		}

		@Test
		void textIsDrawnInvisiblyWithRenderingMode3() throws IOException {
			try (PDDocument pdf = Loader.loadPDF(SearchablePdfWriterTest.this.dossier.toFile())) {
				for (PDPage page : pdf.getPages()) {
					List<Object> tokens = new PDFStreamParser(page).parse();
					List<Integer> renderingModes = new ArrayList<>();
					for (int i = 0; i < tokens.size(); i++) {
						if (tokens.get(i) instanceof Operator op && op.getName().equals("Tr")) {
							renderingModes.add(((COSNumber) tokens.get(i - 1)).intValue());
						}
					}
					assertThat(renderingModes).containsExactly(3);
				}
			}
		}

		@Test
		void renderedPagesLookExactlyLikeTheBareScans() throws IOException {
			try (PDDocument withText = Loader.loadPDF(SearchablePdfWriterTest.this.dossier.toFile());
					PDDocument bare = Loader.loadPDF(SearchablePdfWriterTest.this.bareImages.toFile())) {
				for (int page = 0; page < 2; page++) {
					BufferedImage expected = new PDFRenderer(bare).renderImageWithDPI(page, 150);
					BufferedImage actual = new PDFRenderer(withText).renderImageWithDPI(page, 150);
					assertThat(differingPixels(expected, actual)).as("pixels changed by the text layer on page %d",
							page + 1)
						.isZero();
				}
			}
		}

		@Test
		void pageWithoutWordsHasNoTextAndNoFont() throws IOException {
			try (PDDocument pdf = Loader.loadPDF(SearchablePdfWriterTest.this.bareImages.toFile())) {
				assertThat(new PDFTextStripper().getText(pdf)).isBlank();
				assertThat(pdf.getPage(0).getResources().getFontNames()).isEmpty();
				assertThat(pdf.getPage(0).getResources().getXObjectNames()).hasSize(1);
			}
		}

	}

	@Nested
	class UnusualInput {

		@Test
		void charactersTheFontLacksBecomeQuestionMarks() throws Exception {
			// given: an emoji, CJK, a decomposed accent and a control character among normal words
			List<Word> words = List.of(new Word("Bouwvergunning", 36, 92, 200, 24, 96f),
					new Word("\uD83C\uDFE0", 250, 92, 24, 24, 10f), new Word("\u5EFA\u7B51", 290, 92, 48, 24, 10f),
					new Word("cafe\u0301", 350, 92, 60, 24, 90f), new Word("a\u0007b", 420, 92, 40, 24, 50f),
					new Word("   ", 470, 92, 20, 24, 95f), new Word("", 500, 92, 0, 0, 95f));
			Path pdfFile = SearchablePdfWriterTest.this.dir.resolve("unicode.pdf");

			// when
			assertThatCode(() -> {
				try (SearchablePdfWriter writer = new SearchablePdfWriter("Unicode \u5EFA\u7B51 test")) {
					writer.addPage(SearchablePdfWriterTest.this.phototest, PHOTOTEST_DPI, words);
					writer.save(pdfFile);
				}
			}).doesNotThrowAnyException();

			// then
			assertThat(pageText(pdfFile, 1).strip().replaceAll("\\s+", " "))
				.isEqualTo("Bouwvergunning ? ?? caf\u00E9 a?b");
			VeraPdf.Report report = VeraPdf.validate2b(pdfFile);
			assertThat(report.failures()).as("failed PDF/A-2b rules").isEmpty();
		}

		@Test
		void rejectsAResolutionThatGivesAnImpossiblePage() throws IOException {
			try (SearchablePdfWriter writer = new SearchablePdfWriter("trap")) {
				assertThatThrownBy(() -> writer.addPage(SearchablePdfWriterTest.this.phototest, 1, List.of()))
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("640x480 px at 1 dpi")
					.hasMessageContaining("resolution");
				assertThatThrownBy(() -> writer.addPage(SearchablePdfWriterTest.this.phototest, 0, List.of()))
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("dpi");
				assertThat(writer.pageCount()).isZero();
			}
		}

		@Test
		void rejectsABlankTitle() {
			assertThatThrownBy(() -> new SearchablePdfWriter(" ")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("title");
		}

	}

	@Nested
	class Saving {

		@Test
		void saveLeavesOnlyTheTargetBehindAndReplacesAnOldCopy() throws IOException {
			// given: an old access copy in place
			Path target = SearchablePdfWriterTest.this.dir.resolve("atomic").resolve("dossier.pdf");
			Files.createDirectories(target.getParent());
			Files.writeString(target, "old copy");

			// when
			try (SearchablePdfWriter writer = new SearchablePdfWriter("atomic")) {
				writer.addPage(SearchablePdfWriterTest.this.phototest, PHOTOTEST_DPI,
						SearchablePdfWriterTest.this.phototestWords);
				writer.save(target);
			}

			// then
			try (Stream<Path> files = Files.list(target.getParent())) {
				assertThat(files).containsExactly(target);
			}
			try (PDDocument pdf = Loader.loadPDF(target.toFile())) {
				assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			}
		}

		@Test
		void saveIntoAMissingDirectoryFailsAndWritesNothing() throws IOException {
			Path target = SearchablePdfWriterTest.this.dir.resolve("missing").resolve("dossier.pdf");
			try (SearchablePdfWriter writer = new SearchablePdfWriter("nowhere")) {
				writer.addPage(SearchablePdfWriterTest.this.phototest, PHOTOTEST_DPI, List.of());

				assertThatThrownBy(() -> writer.save(target)).isInstanceOf(NoSuchFileException.class)
					.hasMessageContaining("does not exist");
			}
			assertThat(target.getParent()).doesNotExist();
		}

		@Test
		void aWriterIsSavedOnce() throws IOException {
			try (SearchablePdfWriter writer = new SearchablePdfWriter("once")) {
				writer.addPage(SearchablePdfWriterTest.this.phototest, PHOTOTEST_DPI, List.of());
				writer.save(SearchablePdfWriterTest.this.dir.resolve("once.pdf"));

				assertThatThrownBy(() -> writer.save(SearchablePdfWriterTest.this.dir.resolve("twice.pdf")))
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("already saved");
				assertThatThrownBy(() -> writer.addPage(SearchablePdfWriterTest.this.phototest, 200, List.of()))
					.isInstanceOf(IllegalStateException.class);
			}
			assertThat(SearchablePdfWriterTest.this.dir.resolve("twice.pdf")).doesNotExist();
		}

		@Test
		void anEmptyDocumentIsNotSaved() throws IOException {
			Path target = SearchablePdfWriterTest.this.dir.resolve("empty.pdf");
			try (SearchablePdfWriter writer = new SearchablePdfWriter("empty")) {
				assertThatThrownBy(() -> writer.save(target)).isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("no pages");
			}
			assertThat(target).doesNotExist();
		}

	}

	// --- helpers

	record ExtractedWord(String text, float left, float right, float baseline) {
	}

	/** Each word PDFBox extracts from the page, with its position in points from the top-left corner. */
	static List<ExtractedWord> extractWords(Path pdfFile, int pageNumber) throws IOException {
		List<ExtractedWord> words = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void writeString(String text, List<TextPosition> positions) throws IOException {
				// the stripper hands over runs of text; the layer's own spaces separate the words in them
				List<TextPosition> word = new ArrayList<>();
				for (TextPosition position : positions) {
					if (position.getUnicode().isBlank()) {
						addWord(word);
						word.clear();
					}
					else {
						word.add(position);
					}
				}
				addWord(word);
				super.writeString(text, positions);
			}

			private void addWord(List<TextPosition> positions) {
				if (positions.isEmpty()) {
					return;
				}
				TextPosition first = positions.get(0);
				TextPosition last = positions.get(positions.size() - 1);
				String text = positions.stream().map(TextPosition::getUnicode).collect(Collectors.joining());
				words.add(new ExtractedWord(text, first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
						first.getYDirAdj()));
			}
		};
		stripper.setStartPage(pageNumber);
		stripper.setEndPage(pageNumber);
		try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile())) {
			stripper.getText(pdf);
		}
		return words;
	}

	static String pageText(Path pdfFile, int pageNumber) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(pageNumber);
		stripper.setEndPage(pageNumber);
		try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile())) {
			return stripper.getText(pdf);
		}
	}

	static PDImageXObject onlyImage(PDPage page) throws IOException {
		List<COSName> names = new ArrayList<>();
		page.getResources().getXObjectNames().forEach(names::add);
		assertThat(names).hasSize(1);
		return (PDImageXObject) page.getResources().getXObject(names.get(0));
	}

	static long differingPixels(BufferedImage expected, BufferedImage actual) {
		assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
		assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
		long differing = 0;
		for (int y = 0; y < expected.getHeight(); y++) {
			for (int x = 0; x < expected.getWidth(); x++) {
				if (expected.getRGB(x, y) != actual.getRGB(x, y)) {
					differing++;
				}
			}
		}
		return differing;
	}

	static BufferedImage read(Path file) throws IOException {
		BufferedImage image = ImageIO.read(file.toFile());
		assertThat(image).as("ImageIO cannot read %s", file).isNotNull();
		return image;
	}

	static Path resource(String name) {
		try {
			var url = SearchablePdfWriterTest.class.getClassLoader().getResource(name);
			if (url == null) {
				throw new IllegalStateException("test resource " + name + " missing");
			}
			return Path.of(url.toURI());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
