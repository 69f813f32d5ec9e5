package be.permitarchive.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import be.permitarchive.dossier.QuarantineReason;
import be.permitarchive.dossier.Quarantined;
import be.permitarchive.page.ImageReaders;
import be.permitarchive.page.PageSources;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.Tika;

/**
 * The cheap checks on an original file, run before any page is rendered: its SHA-256, its real type (Apache Tika on
 * the content, not the extension), and whether it can be opened at all. A file that fails gets a quarantine reason
 * and the detail for the archive team.
 */
public final class FileInspector {

	/** More pages than this in one file is not a scan of a dossier: split the file (as validation says). */
	static final int MAX_PAGES = 2_000;

	/** More pixels than this on one page (read from the header, never decoded) is a decompression bomb. */
	static final long MAX_PIXELS = 1_000_000_000L;

	private final Tika tika = new Tika();

	public Inspection inspect(Path file) throws IOException {
		if (Files.isSymbolicLink(file)) {
			String target = Files.readSymbolicLink(file).toString();
			return new Inspection(be.permitarchive.store.Store.sha256(target), "inode/symlink", 0, new Quarantined(
					QuarantineReason.SYMBOLIC_LINK, "a symbolic link to " + target + ", not followed"));
		}
		long size = Files.size(file);
		String sha256 = be.permitarchive.store.Fixity.sha256(file);
		if (size == 0) {
			return new Inspection(sha256, "application/x-empty", 0,
					new Quarantined(QuarantineReason.EMPTY_FILE, "0 bytes"));
		}
		String mediaType;
		try (InputStream in = Files.newInputStream(file)) {
			mediaType = this.tika.detect(in);
		}
		if (!PageSources.supports(mediaType)) {
			return new Inspection(sha256, mediaType, 0,
					new Quarantined(QuarantineReason.UNSUPPORTED_TYPE, "content is " + mediaType));
		}
		return PageSources.PDF.equals(mediaType) ? inspectPdf(file, sha256) : inspectImage(file, sha256, mediaType);
	}

	private static Inspection inspectPdf(Path file, String sha256) {
		try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
			int pages = document.getNumberOfPages();
			if (pages == 0) {
				return new Inspection(sha256, PageSources.PDF, 0,
						new Quarantined(QuarantineReason.NO_PAGES, "the PDF has no pages"));
			}
			if (pages > MAX_PAGES) {
				return new Inspection(sha256, PageSources.PDF, pages, new Quarantined(QuarantineReason.TOO_LARGE,
						pages + " pages (more than " + MAX_PAGES + ")"));
			}
			return new Inspection(sha256, PageSources.PDF, pages, null);
		}
		catch (InvalidPasswordException ex) {
			return new Inspection(sha256, PageSources.PDF, 0,
					new Quarantined(QuarantineReason.ENCRYPTED, "the PDF needs a password to open"));
		}
		catch (IOException | RuntimeException ex) {
			return new Inspection(sha256, PageSources.PDF, 0,
					new Quarantined(QuarantineReason.CORRUPT, "PDF cannot be read: " + ex.getMessage()));
		}
	}

	private static Inspection inspectImage(Path file, String sha256, String mediaType) {
		try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
			java.util.Optional<ImageReader> chosen = (input != null) ? ImageReaders.forInput(input)
					: java.util.Optional.empty();
			if (chosen.isEmpty()) {
				return new Inspection(sha256, mediaType, 0, new Quarantined(QuarantineReason.UNSUPPORTED_TYPE,
						"no image decoder for " + mediaType));
			}
			ImageReader reader = chosen.get();
			try {
				reader.setInput(input, false, true);
				int pages = reader.getNumImages(true);
				for (int i = 0; i < pages; i++) {
					if (reader.getWidth(i) <= 0 || reader.getHeight(i) <= 0) {
						throw new IOException("image " + (i + 1) + " has no size");
					}
					long pixels = (long) reader.getWidth(i) * reader.getHeight(i);
					if (pixels > MAX_PIXELS) {
						return new Inspection(sha256, mediaType, pages, new Quarantined(QuarantineReason.TOO_LARGE,
								"image " + (i + 1) + " would decode to " + reader.getWidth(i) + " x "
										+ reader.getHeight(i) + " pixels"));
					}
				}
				if (pages == 0) {
					return new Inspection(sha256, mediaType, 0,
							new Quarantined(QuarantineReason.NO_PAGES, "the image file holds no image"));
				}
				return new Inspection(sha256, mediaType, pages, null);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return new Inspection(sha256, mediaType, 0,
					new Quarantined(QuarantineReason.CORRUPT, "image cannot be read: " + ex.getMessage()));
		}
	}

	/**
	 * What the checks found.
	 * @param quarantined why the file cannot be registered, or null when it can
	 */
	public record Inspection(String sha256, String mediaType, int pageCount, Quarantined quarantined) {
	}

}
