package be.permitarchive.store.internal;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import be.permitarchive.ocr.Word;

/**
 * Writes the access copy of a dossier: a PDF/A-2b file whose pages are the scanned page images with an invisible,
 * correctly placed OCR text layer, so the scan can be searched and its text selected and copied.
 * <p>
 * Pages are written to a temp-file backed PDFBox document as they are added, so memory stays bounded by one page
 * image; the caller may drop each {@link BufferedImage} after {@link #addPage}. Bilevel images are stored as CCITT G4,
 * greyscale and colour images as JPEG. {@link #save} may be called once. Not thread-safe: one writer per dossier.
 */
public final class SearchablePdfWriter implements AutoCloseable {

	/** ISO 32000-1 annex C / PDF/A-2 6.1.13: page boundaries between 3 and 14,400 units (without UserUnit). */
	private static final float MIN_PAGE_SIZE_PT = 3f;

	private static final float MAX_PAGE_SIZE_PT = 14_400f;

	private final String title;

	private final PDDocument document;

	private InvisibleTextLayer textLayer;

	private boolean saved;

	private boolean closed;

	/**
	 * @param title the document title, written to the XMP metadata (dc:title) and the document information
	 */
	public SearchablePdfWriter(String title) {
		Objects.requireNonNull(title, "title");
		if (title.isBlank()) {
			throw new IllegalArgumentException("document title is blank: give the dossier a title for the PDF/A metadata");
		}
		this.title = title;
		this.document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
	}

	/**
	 * Adds one page: the image fills the page, whose size is the image size in pixels / {@code dpi} * 72 points, and
	 * every non-blank word is laid over its box as invisible text (rendering mode 3).
	 * @param image the page image (bilevel, greyscale or colour); not retained
	 * @param dpi the resolution of the image; converts word boxes and the image size to points
	 * @param words OCR words with boxes in pixels of {@code image}, origin top left, in reading order
	 */
	public void addPage(BufferedImage image, int dpi, List<Word> words) throws IOException {
		Objects.requireNonNull(image, "image");
		addPage(image.getWidth(), image.getHeight(), dpi, words,
				() -> PageImageEncoder.encode(this.document, image, dpi));
	}

	/**
	 * Compresses a page image for {@link #addPage(PreparedImage, int, List)}; thread-safe, so the costly JPEG
	 * compression can run on the thread that read the page rather than on the one writing the PDF.
	 */
	public static PreparedImage prepare(BufferedImage image) throws IOException {
		Objects.requireNonNull(image, "image");
		return PageImageEncoder.prepare(image);
	}

	/** As {@link #addPage(BufferedImage, int, List)}, for an image compressed beforehand by {@link #prepare}. */
	public void addPage(PreparedImage image, int dpi, List<Word> words) throws IOException {
		Objects.requireNonNull(image, "image");
		addPage(image.width(), image.height(), dpi, words, () -> PageImageEncoder.encode(this.document, image));
	}

	private void addPage(int width, int height, int dpi, List<Word> words, ImageSupplier encoded)
			throws IOException {
		Objects.requireNonNull(words, "words (pass an empty list for a page without text)");
		ensureOpen();
		if (dpi <= 0) {
			throw new IllegalArgumentException("dpi must be positive, was " + dpi);
		}
		PageGeometry geometry = new PageGeometry(width, height, dpi);
		checkPageSize(geometry, width, height, dpi);

		PDPage page = new PDPage(new PDRectangle(geometry.widthPt(), geometry.heightPt()));
		PDImageXObject pageImage = encoded.get();
		try (PDPageContentStream content = new PDPageContentStream(this.document, page, AppendMode.OVERWRITE, true)) {
			content.drawImage(pageImage, 0, 0, geometry.widthPt(), geometry.heightPt());
			if (words.stream().anyMatch(InvisibleTextLayer::isDrawable)) {
				textLayer().draw(content, words, geometry);
			}
		}
		// only a completely written page joins the document
		this.document.addPage(page);
	}

	@FunctionalInterface
	private interface ImageSupplier {

		PDImageXObject get() throws IOException;

	}

	public int pageCount() {
		return this.document.getNumberOfPages();
	}

	/**
	 * Writes the PDF/A-2b file atomically: to a temp file in the target's directory, which then replaces
	 * {@code target}. On failure the target is untouched and the temp file removed. Can be called once.
	 */
	public void save(Path target) throws IOException {
		Objects.requireNonNull(target, "target");
		ensureOpen();
		if (pageCount() == 0) {
			throw new IllegalStateException("no pages added: a PDF needs at least one page (" + target + ")");
		}
		Path absolute = target.toAbsolutePath();
		Path directory = absolute.getParent();
		if (directory == null || !Files.isDirectory(directory)) {
			throw new NoSuchFileException(String.valueOf(directory), null,
					"target directory does not exist: create it before saving " + absolute.getFileName());
		}
		this.saved = true; // PDFBox subsets the fonts while saving: a document cannot be saved twice
		PdfaMetadata.apply(this.document, this.title);

		Path temp = directory.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			writeDurably(temp);
			be.permitarchive.store.Store.restrict(temp);
			moveIntoPlace(temp, absolute);
		}
		catch (IOException | RuntimeException ex) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException cleanup) {
				ex.addSuppressed(cleanup);
			}
			if (ex instanceof IOException io) {
				throw be.permitarchive.store.Store.cannotWrite(absolute, io);
			}
			throw ex;
		}
	}

	@Override
	public void close() throws IOException {
		if (!this.closed) {
			this.closed = true;
			this.document.close();
		}
	}

	private void ensureOpen() {
		if (this.closed) {
			throw new IllegalStateException("writer for '" + this.title + "' is closed");
		}
		if (this.saved) {
			throw new IllegalStateException("writer for '" + this.title + "' was already saved; create a new writer");
		}
	}

	private InvisibleTextLayer textLayer() throws IOException {
		if (this.textLayer == null) {
			this.textLayer = InvisibleTextLayer.load(this.document);
		}
		return this.textLayer;
	}

	private void writeDurably(Path temp) throws IOException {
		// PDFBox closes the stream it saves to, so the file is synced through a second handle
		try (OutputStream out = new BufferedOutputStream(
				Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
			this.document.save(out);
		}
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

	private static void moveIntoPlace(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			// same directory, so this only happens on unusual file systems; still never a partial target
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void checkPageSize(PageGeometry geometry, int width, int height, int dpi) {
		float longest = Math.max(geometry.widthPt(), geometry.heightPt());
		float shortest = Math.min(geometry.widthPt(), geometry.heightPt());
		if (longest > MAX_PAGE_SIZE_PT || shortest < MIN_PAGE_SIZE_PT) {
			throw new IllegalArgumentException(String.format(
					"image of %dx%d px at %d dpi gives a %.0fx%.0f pt page; PDF/A allows %.0f to %.0f pt per side: "
							+ "check the resolution of the scan",
					width, height, dpi, geometry.widthPt(), geometry.heightPt(), MIN_PAGE_SIZE_PT,
					MAX_PAGE_SIZE_PT));
		}
	}

}
