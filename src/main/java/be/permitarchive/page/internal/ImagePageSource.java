package be.permitarchive.page.internal;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

import be.permitarchive.page.ImageReaders;
import be.permitarchive.page.PageLimits;
import be.permitarchive.page.PageSource;
import be.permitarchive.page.SourcePage;
import be.permitarchive.page.UnreadablePageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.NodeList;

/**
 * Pages of an image file through ImageIO (with the TwelveMonkeys TIFF and JPEG plugins, the JDK's own readers and the
 * JAI plugins): every frame of a multi-page TIFF is a page. Images larger than the pixel budget are read subsampled,
 * so the full image is never decoded into memory.
 * <p>
 * A file or a page one decoder refuses is given to the next one that claims the format ({@link ImageReaders}), and
 * only a page that every decoder refuses is unreadable: a valid file that one plugin does not support must not go to
 * quarantine. Two things hold for every decoder: a warning refuses the page (a warning is how decoders report
 * truncated or damaged data, and half a page must not pass for a whole one), and a page whose data ends early (an
 * {@link EOFException}) is not tried again with a more lenient decoder.
 */
public final class ImagePageSource implements PageSource {

	private static final Logger log = LoggerFactory.getLogger(ImagePageSource.class);

	private final Path file;

	private final List<ImageReaderSpi> candidates;

	/** The decoders opened on the file so far, each with its own stream; the first one read the page count. */
	private final List<Decoder> decoders = new ArrayList<>();

	/** The decoder that read the last page: a file one decoder refuses is refused on every page, so start there. */
	private Decoder preferred;

	private final int pageCount;

	private final PageLimits limits;

	private ImagePageSource(Path file, List<ImageReaderSpi> candidates, PageLimits limits) throws IOException {
		this.file = file;
		this.candidates = candidates;
		this.limits = limits;
		IOException refused = null;
		for (ImageReaderSpi candidate : candidates) {
			try {
				Decoder decoder = Decoder.open(file, candidate);
				this.decoders.add(decoder);
				this.preferred = decoder;
				break;
			}
			catch (IOException | RuntimeException ex) {
				refused = (refused != null) ? refused : asIo(ex);
			}
		}
		if (this.preferred == null) {
			throw (refused != null) ? refused : new IOException("no image reader understands this file");
		}
		this.pageCount = this.preferred.pageCount;
	}

	public static ImagePageSource open(Path file, PageLimits limits) throws IOException {
		List<ImageReaderSpi> candidates;
		try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
			if (input == null) {
				throw new IOException("cannot open " + file);
			}
			candidates = ImageReaders.candidates(input);
		}
		if (candidates.isEmpty()) {
			throw new IOException("no image reader understands this file");
		}
		return new ImagePageSource(file, candidates, limits);
	}

	@Override
	public int pageCount() {
		return this.pageCount;
	}

	/** Four bytes a pixel (the widest layout a decoder gives), within the pixel budget; 0 when the header fails. */
	@Override
	public long heapBytes(int index) {
		try {
			ImageReader reader = this.preferred.reader;
			long pixels = (long) reader.getWidth(index) * reader.getHeight(index);
			return Math.min(pixels, this.limits.maxPixels()) * 4;
		}
		catch (IOException | RuntimeException ex) {
			return 0; // reading the page will say what is wrong
		}
	}

	/**
	 * Reads the page with the decoder that read the previous one, else with each decoder in turn until one reads it
	 * without complaint. When a decoder other than the first choice read it, the page's note says which.
	 */
	@Override
	public SourcePage page(int index) throws IOException {
		Exception first = null;
		List<String> refusedBy = new ArrayList<>();
		for (Decoder decoder : tryOrder()) {
			try {
				SourcePage page = decoder.page(index, this.limits);
				if (!refusedBy.isEmpty() || decoder != this.decoders.get(0)) {
					String how = "decoded by the " + decoder.name + " decoder"
							+ (first != null ? " (" + String.join(", ", refusedBy) + " refused it: " + message(first) + ")"
									: "");
					if (first != null) {
						log.info("{} page {}: {}", this.file.getFileName(), index + 1, how);
					}
					page = new SourcePage(page.index(), page.image(), page.dpi(), page.textLayer(),
							page.textLayerWords(), (page.note() == null) ? how : page.note() + "; " + how);
				}
				this.preferred = decoder;
				return page;
			}
			catch (IOException | RuntimeException ex) {
				first = (first != null) ? first : ex;
				refusedBy.add(decoder.name);
				if (endsEarly(ex)) {
					break; // the data ends before the page does: no decoder can make a whole page of it
				}
			}
		}
		String also = (refusedBy.size() > 1) ? " (refused by " + String.join(", ", refusedBy) + ")" : "";
		throw new UnreadablePageException("page " + (index + 1) + " cannot be decoded: " + message(first) + also,
				first);
	}

	/** The preferred decoder first, then every other one that claims the file, opened as they are needed. */
	private Iterable<Decoder> tryOrder() {
		return () -> new java.util.Iterator<>() {

			private int next = -1;

			private Decoder upcoming = ImagePageSource.this.preferred;

			@Override
			public boolean hasNext() {
				return this.upcoming != null;
			}

			@Override
			public Decoder next() {
				Decoder current = this.upcoming;
				this.upcoming = null;
				while (this.upcoming == null && ++this.next < ImagePageSource.this.candidates.size()) {
					Decoder candidate = decoderFor(ImagePageSource.this.candidates.get(this.next));
					if (candidate != null && candidate != ImagePageSource.this.preferred) {
						this.upcoming = candidate;
					}
				}
				return current;
			}

		};
	}

	/** The decoder of that plugin, opened on first use; null when it cannot even open the file. */
	private Decoder decoderFor(ImageReaderSpi provider) {
		for (Decoder decoder : this.decoders) {
			if (decoder.provider == provider) {
				return decoder;
			}
		}
		try {
			Decoder decoder = Decoder.open(this.file, provider);
			this.decoders.add(decoder);
			return decoder;
		}
		catch (IOException | RuntimeException ex) {
			log.debug("{}: {} cannot open it: {}", this.file.getFileName(), provider.getClass().getName(),
					ex.getMessage());
			return null;
		}
	}

	private static boolean endsEarly(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof EOFException) {
				return true;
			}
		}
		return false;
	}

	private static String message(Exception ex) {
		if (ex.getMessage() != null) {
			return ex.getMessage();
		}
		return endsEarly(ex) ? "the file ends before the page does" : ex.getClass().getSimpleName();
	}

	private static IOException asIo(Exception ex) {
		return (ex instanceof IOException io) ? io : new IOException(ex.getMessage(), ex);
	}

	@Override
	public void close() throws IOException {
		IOException failed = null;
		for (Decoder decoder : this.decoders) {
			try {
				decoder.close();
			}
			catch (IOException ex) {
				failed = ex;
			}
		}
		if (failed != null) {
			throw failed;
		}
	}

	/** One decoder on its own stream over the file. */
	private static final class Decoder implements AutoCloseable {

		private final ImageReaderSpi provider;

		private final ImageInputStream input;

		private final ImageReader reader;

		private final String name;

		private final int pageCount;

		private Decoder(ImageReaderSpi provider, ImageInputStream input, ImageReader reader) throws IOException {
			this.provider = provider;
			this.input = input;
			this.reader = reader;
			this.name = ImageReaders.name(reader);
			this.pageCount = reader.getNumImages(true);
		}

		static Decoder open(Path file, ImageReaderSpi provider) throws IOException {
			ImageInputStream input = ImageIO.createImageInputStream(file.toFile());
			if (input == null) {
				throw new IOException("cannot open " + file);
			}
			ImageReader reader = null;
			try {
				reader = provider.createReaderInstance();
				reader.setInput(input, false, false); // metadata holds the resolution
				reader.addIIOReadWarningListener((source, warning) -> {
					throw new DecoderWarning(warning);
				});
				return new Decoder(provider, input, reader);
			}
			catch (IOException | RuntimeException ex) {
				if (reader != null) {
					reader.dispose();
				}
				input.close();
				throw ex;
			}
		}

		SourcePage page(int index, PageLimits limits) throws IOException {
			long pixels = (long) this.reader.getWidth(index) * this.reader.getHeight(index);
			int dpi = dpi(index);
			ImageReadParam param = this.reader.getDefaultReadParam();
			String note = null;
			if (pixels > limits.maxPixels()) {
				int factor = (int) Math.ceil(Math.sqrt((double) pixels / limits.maxPixels()));
				param.setSourceSubsampling(factor, factor, 0, 0);
				note = "read at 1/" + factor + " of its resolution to fit the pixel budget";
				dpi = dpi / factor;
			}
			BufferedImage image = this.reader.read(index, param);
			return new SourcePage(index, image, dpi, null, List.of(), note);
		}

		/** The horizontal resolution from the standard image metadata, 0 when the file does not record it. */
		private int dpi(int index) {
			try {
				IIOMetadata metadata = this.reader.getImageMetadata(index);
				if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
					return 0;
				}
				IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
				NodeList sizes = root.getElementsByTagName("HorizontalPixelSize");
				if (sizes.getLength() == 0) {
					return 0;
				}
				float mmPerPixel = Float.parseFloat(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
				if (mmPerPixel <= 0) {
					return 0;
				}
				int dpi = Math.round(25.4f / mmPerPixel);
				return (dpi >= 50 && dpi <= 10_000) ? dpi : 0;
			}
			catch (IOException | RuntimeException ex) {
				return 0;
			}
		}

		@Override
		public void close() throws IOException {
			this.reader.dispose();
			this.input.close();
		}

	}

	/** A decoder warning (truncated or damaged data, an unsupported variant) refuses the page. */
	private static final class DecoderWarning extends RuntimeException {

		DecoderWarning(String warning) {
			super("the decoder reports: " + warning);
		}

	}

}
