package be.permitarchive.page;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * The image decoders for a file, in the order they are tried. Several plugins claim the same formats and each refuses
 * files that another reads: TwelveMonkeys reports truncated data as an error (the JAI TIFF reader may decode half a
 * page), but it warns about a valid JPEG-compressed TIFF whose strips are complete JPEG streams without a JPEGTables
 * tag, which the JDK's own TIFF reader reads as it is. So TwelveMonkeys comes first, the JDK's readers next, any
 * other registered reader last; a file is corrupt only when every one of them refuses it.
 */
public final class ImageReaders {

	/** The formats' usual names, for {@link #name}: plugins list their aliases in no particular order. */
	private static final List<String> FORMATS = List.of("TIFF", "JPEG", "PNG", "JPEG 2000", "BMP", "GIF");

	private ImageReaders() {
	}

	/** The decoders that claim the input, in the order to try them; the stream is left where it was. */
	public static List<ImageReaderSpi> candidates(ImageInputStream input) throws IOException {
		List<ImageReaderSpi> claiming = new ArrayList<>();
		Iterator<ImageReaderSpi> providers = IIORegistry.getDefaultInstance()
			.getServiceProviders(ImageReaderSpi.class, true);
		while (providers.hasNext()) {
			ImageReaderSpi provider = providers.next();
			input.mark();
			try {
				if (provider.canDecodeInput(input)) {
					claiming.add(provider);
				}
			}
			catch (IOException | RuntimeException ex) {
				// a plugin that cannot even look at the header does not claim the file
			}
			finally {
				input.reset();
			}
		}
		claiming.sort(Comparator.comparingInt(ImageReaders::rank));
		return claiming;
	}

	/**
	 * The decoder to try first, for the checks that look at headers only (the page count and sizes): the stream is
	 * left where it was, the reader without input. Pages are read through {@code ImagePageSource}, which tries the
	 * others when this one refuses a page.
	 */
	public static Optional<ImageReader> forInput(ImageInputStream input) throws IOException {
		List<ImageReaderSpi> candidates = candidates(input);
		return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0).createReaderInstance());
	}

	/** A short name for a decoder, for logs and notes: {@code TwelveMonkeys TIFF}, {@code JDK TIFF}, ... */
	public static String name(ImageReader reader) {
		ImageReaderSpi provider = reader.getOriginatingProvider();
		String format = "";
		if (provider != null && provider.getFormatNames().length > 0) {
			List<String> names = java.util.Arrays.stream(provider.getFormatNames())
				.map((n) -> n.toUpperCase(java.util.Locale.ROOT))
				.toList();
			format = FORMATS.stream().filter(names::contains).findFirst().orElse(names.get(0));
		}
		String type = reader.getClass().getName();
		String maker = type.startsWith("com.twelvemonkeys") ? "TwelveMonkeys"
				: type.startsWith("com.sun.imageio") ? "JDK"
						: type.startsWith("com.github.jaiimageio") ? "JAI Image I/O" : reader.getClass().getSimpleName();
		return (maker + " " + format).strip();
	}

	private static int rank(ImageReaderSpi provider) {
		String type = provider.getClass().getName();
		if (type.startsWith("com.twelvemonkeys")) {
			return 0;
		}
		return type.startsWith("com.sun.imageio") ? 1 : 2;
	}

}
