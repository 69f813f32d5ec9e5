package be.permitarchive.page.internal;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import be.permitarchive.page.PageLimits;
import be.permitarchive.page.SourcePage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page that is nothing but a scan is taken as stored instead of rendered: on the sample deliveries' scanned PDFs and
 * on real scanner and ocrmypdf output, the image given is the image a rendering gives, and pages that are more than
 * one upright image are still rendered.
 */
class PdfPageSourceTest {

	@Test
	void aScannedPageGivesTheSamePixelsAsRenderingItWould() throws IOException {
		// given
		List<Path> pdfs = new ArrayList<>();
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("sample-scans/delivery")),
				Files.walk(Path.of("src/test/resources/real-scans/ocrmypdf")))) {
			files.filter((f) -> f.toString().endsWith(".pdf")).sorted().forEach(pdfs::add);
		}
		int taken = 0;
		int rendered = 0;

		// when
		for (Path pdf : pdfs) {
			PDDocument document;
			try {
				document = Loader.loadPDF(pdf.toFile());
			}
			catch (IOException ex) {
				continue; // invalid.pdf: not a PDF at all
			}
			try (document; PdfPageSource source = PdfPageSource.open(pdf, PageLimits.defaults())) {
				for (int i = 0; i < Math.min(document.getNumberOfPages(), 3); i++) {
					Optional<BufferedImage> scan = source.scanImage(document.getPage(i));
					if (scan.isEmpty()) {
						rendered++;
						continue;
					}
					taken++;
					SourcePage page = source.page(i);
					BufferedImage render = new PDFRenderer(document).renderImageWithDPI(i, page.dpi(),
							scan.get().getColorModel().getNumComponents() == 1 ? ImageType.GRAY : ImageType.RGB);

					// then
					assertThat(page.image().getWidth()).as(pdf + " page " + (i + 1))
						.isCloseTo(render.getWidth(), org.assertj.core.data.Offset.offset(1));
					assertThat(page.image().getHeight()).as(pdf + " page " + (i + 1))
						.isCloseTo(render.getHeight(), org.assertj.core.data.Offset.offset(1));
					assertThat(meanDifference(page.image(), render)).as(pdf + " page " + (i + 1)).isLessThan(2.0);
				}
			}
		}
		assertThat(taken).as("scanned pages taken as stored").isGreaterThanOrEqualTo(8);
		assertThat(rendered).as("pages still rendered (text layers, vector content)").isPositive();
	}

	/** Mean absolute difference of the grey (first band) samples over the common area, 0-255. */
	private static double meanDifference(BufferedImage a, BufferedImage b) {
		int w = Math.min(a.getWidth(), b.getWidth());
		int h = Math.min(a.getHeight(), b.getHeight());
		Raster ra = a.getRaster();
		Raster rb = b.getRaster();
		long sum = 0;
		long n = 0;
		for (int y = 0; y < h; y += 3) {
			for (int x = 0; x < w; x += 3) {
				sum += Math.abs(ra.getSample(x, y, 0) - rb.getSample(x, y, 0));
				n++;
			}
		}
		return (double) sum / n;
	}

}
