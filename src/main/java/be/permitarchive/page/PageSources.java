package be.permitarchive.page;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import be.permitarchive.page.internal.ImagePageSource;
import be.permitarchive.page.internal.PdfPageSource;

/** Opens the pages of an original file by its detected media type. */
public final class PageSources {

	public static final String PDF = "application/pdf";

	/** The image types the register accepts (docs/standard.md, "Accepted formats"). */
	public static final Set<String> IMAGE_TYPES = Set.of("image/tiff", "image/jpeg", "image/png", "image/jp2",
			"image/bmp", "image/gif");

	private PageSources() {
	}

	public static boolean supports(String mediaType) {
		return PDF.equals(mediaType) || IMAGE_TYPES.contains(mediaType);
	}

	public static PageSource open(Path file, String mediaType, PageLimits limits) throws IOException {
		if (PDF.equals(mediaType)) {
			return PdfPageSource.open(file, limits);
		}
		if (IMAGE_TYPES.contains(mediaType)) {
			return ImagePageSource.open(file, limits);
		}
		throw new IOException("unsupported media type " + mediaType);
	}

}
