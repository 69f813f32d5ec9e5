package be.permitarchive.validate.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import be.permitarchive.dossier.QuarantineReason;
import be.permitarchive.page.ImageReaders;
import be.permitarchive.page.PageSources;
import be.permitarchive.validate.Rule;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/**
 * Checks on a whole file that need no page decoded: what the ingest would quarantine it for, its extension against
 * its real type, a second format hidden in it, pixel counts declared in image headers (decompression bombs), and
 * for PDFs a damaged cross-reference table and JavaScript.
 */
public final class FileChecks {

	private static final Map<String, String> EXTENSIONS = Map.of("tif", "image/tiff", "tiff", "image/tiff", "jpg",
			"image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "jp2", "image/jp2", "pdf", PageSources.PDF, "bmp",
			"image/bmp", "gif", "image/gif");

	private static final int TAIL = 64 * 1024 + 22;

	private FileChecks() {
	}

	public static Rule rule(QuarantineReason reason) {
		return switch (reason) {
			case EMPTY_FILE -> Rule.FILE_EMPTY;
			case UNSUPPORTED_TYPE -> Rule.FILE_UNSUPPORTED_TYPE;
			case ENCRYPTED -> Rule.FILE_ENCRYPTED;
			case NO_PAGES -> Rule.FILE_NO_PAGES;
			default -> Rule.FILE_CORRUPT;
		};
	}

	/** The extension of {@code name} does not say {@code mediaType}: the media type it says, or "?" when none. */
	public static Optional<String> extensionMismatch(String name, String mediaType) {
		int dot = name.lastIndexOf('.');
		String extension = (dot < 0) ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		String said = EXTENSIONS.get(extension);
		return mediaType.equals(said) ? Optional.empty() : Optional.of(extension.isEmpty() ? "?" : "." + extension);
	}

	/**
	 * A second format inside the file: a PDF header after the start (PDF readers look for it in the first kilobyte),
	 * or a ZIP directory at the end (a ZIP is read from its end). Reads the head and the tail only.
	 */
	public static Optional<String> polyglot(Path file) throws IOException {
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			byte[] head = new byte[(int) Math.min(1024, length)];
			in.readFully(head);
			int pdf = indexOf(head, "%PDF-".getBytes(StandardCharsets.US_ASCII), 1);
			if (pdf > 0) {
				return Optional.of("PDF at byte " + pdf);
			}
			int tailLength = (int) Math.min(TAIL, length);
			byte[] tail = new byte[tailLength];
			in.seek(length - tailLength);
			in.readFully(tail);
			int zip = indexOf(tail, new byte[] { 'P', 'K', 5, 6 }, 0);
			if (zip >= 0) {
				return Optional.of("ZIP at byte " + (length - tailLength + zip));
			}
			return Optional.empty();
		}
	}

	/** The largest page of an image file in pixels, from its header (nothing decoded); 0 when it cannot tell. */
	public static long largestImagePixels(Path file, int maxPages) {
		try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
			Optional<ImageReader> chosen = (input != null) ? ImageReaders.forInput(input) : Optional.empty();
			if (chosen.isEmpty()) {
				return 0;
			}
			ImageReader reader = chosen.get();
			try {
				reader.setInput(input, false, true);
				long largest = 0;
				int pages = Math.min(maxPages, reader.getNumImages(true));
				for (int i = 0; i < pages; i++) {
					largest = Math.max(largest, (long) reader.getWidth(i) * reader.getHeight(i));
				}
				return largest;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * Whether the cross-reference table the PDF points to ({@code startxref}) is really there. PDFBox repairs a
	 * damaged one silently by scanning the file; other readers may not, so the contractor should re-export it.
	 */
	public static boolean pdfXrefDamaged(Path file) throws IOException {
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			int tailLength = (int) Math.min(2048, length);
			byte[] tail = new byte[tailLength];
			in.seek(length - tailLength);
			in.readFully(tail);
			String text = new String(tail, StandardCharsets.ISO_8859_1);
			int at = text.lastIndexOf("startxref");
			if (at < 0) {
				return true;
			}
			String rest = text.substring(at + "startxref".length()).strip();
			String digits = rest.split("\\s+", 2)[0];
			long offset;
			try {
				offset = Long.parseLong(digits);
			}
			catch (NumberFormatException ex) {
				return true;
			}
			if (offset <= 0 || offset >= length) {
				return true;
			}
			byte[] target = new byte[(int) Math.min(32, length - offset)];
			in.seek(offset);
			in.readFully(target);
			String found = new String(target, StandardCharsets.ISO_8859_1);
			return !(found.startsWith("xref") || found.matches("(?s)\\d+\\s+\\d+\\s+obj.*"));
		}
	}

	/** Whether the PDF runs JavaScript (document-level scripts or an opening action). */
	public static boolean pdfJavaScript(Path file) {
		try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
			PDDocumentCatalog catalog = document.getDocumentCatalog();
			if (catalog.getNames() != null && catalog.getNames().getJavaScript() != null) {
				return true;
			}
			return catalog.getOpenAction() instanceof PDActionJavaScript;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
