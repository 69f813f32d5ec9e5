package be.permitarchive.validate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import gov.loc.repository.bagit.creator.BagCreator;
import gov.loc.repository.bagit.domain.Metadata;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/**
 * Generates broken and hostile deliveries at test time (nothing of it is committed but this generator): zero-byte and
 * truncated files, a PDF with a corrupt xref table, an encrypted PDF, a PDF with JavaScript, a PDF of 5000 pages,
 * decompression bombs (a PNG and a TIFF of 2.5 gigapixels, a few hundred kilobytes each), a PNG+ZIP polyglot, wrong
 * extensions, a non-UTF-8 and a very long file name, symlinks out of the delivery and in a loop, and a BagIt bag
 * whose manifest points at {@code ../../etc/passwd}. Each file is listed with the rule it must trigger.
 */
final class HostileCorpus {

	/** 50,000 x 50,000 pixels: 2.5 gigapixels, 312 MB even at one bit per pixel. */
	static final int BOMB_SIDE = 50_000;

	private HostileCorpus() {
	}

	/**
	 * Writes a plain-folder delivery into {@code dir}.
	 * @return every file of it, relative to the delivery (as findings name them), with the rule it must trigger
	 */
	static Map<String, String> delivery(Path dir) throws IOException {
		Map<String, String> expected = new LinkedHashMap<>();
		byte[] page = TestPages.pngBytes(TestPages.text(100, 250, 20), 300);

		Path broken = Files.createDirectories(dir.resolve("01_broken"));
		Files.write(broken.resolve("zero.tif"), new byte[0]);
		expected.put("01_broken/zero.tif", "file.empty");
		byte[] tiff = Files.readAllBytes(Path.of("sample-scans/delivery/0001_1974-0123/dossier.tif"));
		Files.write(broken.resolve("truncated.tif"), java.util.Arrays.copyOf(tiff, tiff.length / 2));
		expected.put("01_broken/truncated.tif", "file.corrupt");
		Files.write(broken.resolve("truncated.png"), java.util.Arrays.copyOf(page, page.length / 2));
		expected.put("01_broken/truncated.png", "file.corrupt");

		Path pdfs = Files.createDirectories(dir.resolve("02_pdf"));
		Files.write(pdfs.resolve("corrupt-xref.pdf"), corruptXref(simplePdf()));
		expected.put("02_pdf/corrupt-xref.pdf", "file.pdf-xref-damaged");
		encryptedPdf(pdfs.resolve("encrypted.pdf"));
		expected.put("02_pdf/encrypted.pdf", "file.encrypted");
		javaScriptPdf(pdfs.resolve("javascript.pdf"));
		expected.put("02_pdf/javascript.pdf", "file.active-content");
		manyPagesPdf(pdfs.resolve("5000-pages.pdf"), 5000);
		expected.put("02_pdf/5000-pages.pdf", "file.too-many-pages");

		Path bombs = Files.createDirectories(dir.resolve("03_bombs"));
		Files.write(bombs.resolve("bomb.png"), pngBomb(BOMB_SIDE));
		expected.put("03_bombs/bomb.png", "file.decompression-bomb");
		Files.write(bombs.resolve("bomb.tif"), tiffBomb(BOMB_SIDE));
		expected.put("03_bombs/bomb.tif", "file.decompression-bomb");

		Path disguised = Files.createDirectories(dir.resolve("04_disguised"));
		Files.write(disguised.resolve("polyglot.png"), polyglot(page));
		expected.put("04_disguised/polyglot.png", "file.polyglot");
		Files.write(disguised.resolve("really-a-png.tif"), page);
		expected.put("04_disguised/really-a-png.tif", "file.type-mismatch");
		Files.writeString(disguised.resolve("notes.tif"), "dit is geen scan maar een tekstbestand\n");
		expected.put("04_disguised/notes.tif", "file.unsupported-type");

		Path names = Files.createDirectories(dir.resolve("05_names"));
		String longName = "dossier-" + "x".repeat(200) + ".png";
		Files.write(names.resolve(longName), TestPages.pngBytes(TestPages.text(100, 250, 20), 100));
		expected.put("05_names/" + longName, "file.name-too-long");
		Files.write(names.resolve("seed.png"), TestPages.pngBytes(TestPages.text(100, 245, 30), 300));
		Process copy = new ProcessBuilder("bash", "-c", "mv \"$1/seed.png\" \"$1/$(printf 'caf\\351 \\001.png')\"",
				"_", names.toString())
			.start();
		try {
			if (copy.waitFor() != 0) {
				throw new IOException("cannot create a non-UTF-8 file name");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		expected.put("05_names/caf? ?.png", "file.name-invalid");

		Path links = Files.createDirectories(dir.resolve("06_links"));
		Files.createSymbolicLink(links.resolve("passwd.tif"), Path.of("/etc/passwd"));
		expected.put("06_links/passwd.tif", "package.symlink");
		Files.createSymbolicLink(links.resolve("loop-a.tif"), Path.of("loop-b.tif"));
		Files.createSymbolicLink(links.resolve("loop-b.tif"), Path.of("loop-a.tif"));
		expected.put("06_links/loop-a.tif", "package.symlink");
		expected.put("06_links/loop-b.tif", "package.symlink");
		Files.createSymbolicLink(links.resolve("up"), Path.of(".."));
		expected.put("06_links/up", "package.symlink");
		return expected;
	}

	/** A BagIt bag (valid tags) whose payload manifest also lists {@code data/../../etc/passwd}. */
	static Path traversalBag(Path dir) throws Exception {
		Path dossier = Files.createDirectories(dir.resolve("0001_dossier"));
		TestPages.png(TestPages.text(100, 250, 20), 300, dossier.resolve("001.png"));
		BagCreator.bagInPlace(dir, java.util.List.of(StandardSupportedAlgorithms.SHA256), false, requiredTags());
		Path manifest = dir.resolve("manifest-sha256.txt");
		Files.writeString(manifest, Files.readString(manifest) + "0".repeat(64) + "  data/../../etc/passwd\n");
		return dir;
	}

	static Metadata requiredTags() {
		Metadata metadata = new Metadata();
		metadata.add("Batch-Id", "ZH-2026-001");
		metadata.add("Contractor", "Scanbedrijf NV");
		metadata.add("Municipality-NIS", "31998");
		metadata.add("Framework-Contract", "RA-2025-017");
		return metadata;
	}

	private static byte[] simplePdf() throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage(PDRectangle.A5));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	/** The {@code startxref} offset pointed into the middle of an object. */
	private static byte[] corruptXref(byte[] pdf) {
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		int at = text.lastIndexOf("startxref");
		String tail = text.substring(at).replaceFirst("startxref\\s+\\d+", "startxref\n17");
		return (text.substring(0, at) + tail).getBytes(StandardCharsets.ISO_8859_1);
	}

	private static void encryptedPdf(Path target) throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage(PDRectangle.A5));
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
					new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			document.save(target.toFile());
		}
	}

	private static void javaScriptPdf(Path target) throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage(PDRectangle.A5));
			document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('gehackt');"));
			document.save(target.toFile());
		}
	}

	private static void manyPagesPdf(Path target, int pages) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < pages; i++) {
				document.addPage(new PDPage(new PDRectangle(20, 20)));
			}
			document.save(target.toFile());
		}
	}

	/** A 1-bit greyscale PNG of side x side zero pixels: a few hundred kilobytes on disk. */
	static byte[] pngBomb(int side) throws IOException {
		int rowBytes = (side + 7) / 8;
		byte[] zlib = deflateZeros((long) (rowBytes + 1) * side);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 1).put((byte) 0).put((byte) 0)
			.put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		chunk(out, "IDAT", zlib);
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	/** A 1-bit Deflate-compressed TIFF of side x side pixels in one strip. */
	static byte[] tiffBomb(int side) throws IOException {
		int rowBytes = (side + 7) / 8;
		byte[] zlib = deflateZeros((long) rowBytes * side);
		int entries = 9;
		int ifdSize = 2 + entries * 12 + 4;
		int dataOffset = 8 + ifdSize;
		ByteBuffer buffer = ByteBuffer.allocate(dataOffset + zlib.length).order(ByteOrder.LITTLE_ENDIAN);
		buffer.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		buffer.putShort((short) entries);
		entry(buffer, 256, 4, side); // ImageWidth
		entry(buffer, 257, 4, side); // ImageLength
		entry(buffer, 258, 3, 1); // BitsPerSample
		entry(buffer, 259, 3, 8); // Compression: Deflate
		entry(buffer, 262, 3, 0); // Photometric: WhiteIsZero
		entry(buffer, 273, 4, dataOffset); // StripOffsets
		entry(buffer, 277, 3, 1); // SamplesPerPixel
		entry(buffer, 278, 4, side); // RowsPerStrip
		entry(buffer, 279, 4, zlib.length); // StripByteCounts
		buffer.putInt(0);
		buffer.put(zlib);
		return buffer.array();
	}

	private static void entry(ByteBuffer buffer, int tag, int type, int value) {
		buffer.putShort((short) tag).putShort((short) type).putInt(1);
		if (type == 3) {
			buffer.putShort((short) value).putShort((short) 0);
		}
		else {
			buffer.putInt(value);
		}
	}

	private static byte[] deflateZeros(long length) throws IOException {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		byte[] zeros = new byte[1 << 20];
		try (OutputStream out = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
			for (long left = length; left > 0; left -= zeros.length) {
				out.write(zeros, 0, (int) Math.min(zeros.length, left));
			}
		}
		return compressed.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.write(ByteBuffer.allocate(4).putInt(data.length).array());
		out.write(typeBytes);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	/** A valid PNG with a ZIP archive appended: a PNG to image viewers, a ZIP to unzip. */
	private static byte[] polyglot(byte[] png) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png);
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("payload.js"));
			zip.write("alert('hidden');".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

}
