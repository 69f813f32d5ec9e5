package be.permitarchive.page;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Picks the image decoder for a file. Several plugins may claim a format (the JAI TIFF reader comes with the JPEG
 * 2000 plugin); the TwelveMonkeys readers are preferred because they report truncated data as an error, where the
 * JAI reader quietly decodes half a page.
 */
public final class ImageReaders {

	private ImageReaders() {
	}

	public static Optional<ImageReader> forInput(ImageInputStream input) {
		List<ImageReader> candidates = new ArrayList<>();
		Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
		readers.forEachRemaining(candidates::add);
		Optional<ImageReader> chosen = candidates.stream()
			.filter((r) -> r.getClass().getName().startsWith("com.twelvemonkeys"))
			.findFirst()
			.or(() -> candidates.stream().findFirst());
		candidates.stream().filter((r) -> chosen.get() != r).forEach(ImageReader::dispose);
		return chosen;
	}

}
