package be.permitarchive.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import be.permitarchive.samples.SampleDossier.Document;
import be.permitarchive.samples.SampleDossier.Format;
import be.permitarchive.samples.SampleDossier.Page;

/** Renders a dossier's pages and writes its files into the dossier folder of a delivery. */
final class DeliveryWriter {

	/** Grey level under which a bilevel scanner stores black. */
	private static final int BILEVEL_THRESHOLD = 150;

	private final Fonts fonts;

	private final PageRenderer text;

	private final PlanRenderer drawings;

	DeliveryWriter(Fonts fonts) {
		this.fonts = fonts;
		this.text = new PageRenderer(fonts);
		this.drawings = new PlanRenderer(fonts);
	}

	/** Writes the dossier's files and returns how many pages they hold. */
	int write(SampleDossier dossier, Path folder, long documentIdBase) throws IOException {
		Files.createDirectories(folder);
		int pages = 0;
		for (int i = 0; i < dossier.documents().size(); i++) {
			Document document = dossier.documents().get(i);
			Path file = folder.resolve(document.file());
			long documentId = documentIdBase * 100 + i;
			switch (document.format()) {
				case PDF_TEXT -> PdfFiles.textLayer(document.pages().stream().map(Page::lines).toList(),
						document.pages().get(0).typeface(), fonts.bytes(document.pages().get(0).typeface()),
						documentId, file);
				case PDF_JPEG, PDF_FLATE -> PdfFiles.imageOnly(render(document.pages()),
						document.format() == Format.PDF_JPEG, documentId, file);
				case TIFF_G4 -> {
					List<BufferedImage> bilevel = new ArrayList<>();
					for (BufferedImage grey : render(document.pages())) {
						bilevel.add(Degradation.binarize(grey, BILEVEL_THRESHOLD));
					}
					ImageFiles.tiffG4(bilevel, file);
				}
				case PNG -> ImageFiles.png(render(document.pages().get(0)), file);
				case JPEG -> ImageFiles.jpeg(render(document.pages().get(0)), file);
			}
			pages += document.pages().size();
		}
		return pages;
	}

	private List<BufferedImage> render(List<Page> pages) {
		List<BufferedImage> images = new ArrayList<>();
		for (Page page : pages) {
			images.add(render(page));
		}
		return images;
	}

	/** The page as the scanner saw it: drawn, worn, then skewed or turned. */
	BufferedImage render(Page page) {
		Random random = new Random(page.noiseSeed());
		BufferedImage image = switch (page.kind()) {
			case "blank" -> Degradation.blankBack(PageRenderer.A4_WIDTH, PageRenderer.A4_HEIGHT, random);
			case "plan" -> drawings.plan(page.lines(), page.plan(), random);
			case "photo" -> drawings.photo(page.lines(), random);
			default -> text.text(page.lines(), page.typeface(), random);
		};
		image = Degradation.apply(image, page.effects(), random);
		if (page.skewDegrees() != 0.0) {
			image = Degradation.skew(image, page.skewDegrees());
		}
		if (page.rotation() == 180) {
			image = Degradation.rotate180(image);
		}
		return image;
	}

}
