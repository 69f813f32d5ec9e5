package be.permitarchive.page.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import be.permitarchive.page.PageLimits;
import be.permitarchive.page.SourcePage;
import be.permitarchive.page.UnreadablePageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The decoder chain on real files: a valid file the first decoder refuses is read by the next one, and a file cut off
 * in transfer stays unreadable whatever decoder is tried.
 */
class ImagePageSourceTest {

	@TempDir
	Path dir;

	@Test
	void aJpegTiffWhoseStripsAreCompleteJpegStreamsIsReadByTheNextDecoder() throws IOException {
		// given: what some scanner software writes (compression 7, one complete JPEG stream per strip, no
		// JPEGTables tag), here written by the JDK's TIFF writer; TwelveMonkeys refuses to read it
		List<BufferedImage> pages = List.of(page("Het college van burgemeester"), page("en schepenen verleent"));
		Path tiff = jpegTiff(pages, this.dir.resolve("scan.tif"));
		assertThat(tags(tiff)).contains(259).doesNotContain(347);
		assertThat(compression(tiff)).isEqualTo(7);
		assertThat(twelveMonkeysRefuses(tiff)).isTrue();

		// when
		List<SourcePage> read = new ArrayList<>();
		try (ImagePageSource source = ImagePageSource.open(tiff, PageLimits.defaults())) {
			for (int i = 0; i < source.pageCount(); i++) {
				read.add(source.page(i));
			}
		}

		// then: every page, with the pixels that were written (JPEG, so nearly), and which decoder read it
		assertThat(read).hasSize(2);
		for (int i = 0; i < 2; i++) {
			assertThat(meanDifference(pages.get(i), read.get(i).image())).isLessThan(3.0);
			assertThat(read.get(i).note()).contains("JDK TIFF");
		}
		assertThat(read.get(0).note()).contains("TwelveMonkeys TIFF refused it").contains("JPEGTables");
	}

	@Test
	void aJpegTiffCutOffInTransferIsNotReadByAMoreLenientDecoder() throws IOException {
		// given: the same kind of file, cut in the middle of its second page
		Path whole = jpegTiff(List.of(page("Het college van burgemeester"), page("en schepenen verleent")),
				this.dir.resolve("whole.tif"));
		byte[] bytes = Files.readAllBytes(whole);
		Path cut = Files.write(this.dir.resolve("cut.tif"), Arrays.copyOf(bytes, bytes.length * 3 / 4));

		// when / then: the first page is whole and read; the second page's data ends early for every decoder
		try (ImagePageSource source = ImagePageSource.open(cut, PageLimits.defaults())) {
			assertThat(source.pageCount()).isEqualTo(2);
			assertThat(source.page(0).image().getHeight()).isEqualTo(1754);
			assertThatThrownBy(() -> source.page(1)).isInstanceOf(UnreadablePageException.class);
		}
	}

	@Test
	void anUncompressedTiffCutInHalfIsUnreadableThoughOneDecoderWouldDecodeWhatIsLeft() throws IOException {
		// given: the JAI TIFF reader decodes the first half of this page and only warns
		byte[] bytes;
		try (var in = getClass().getClassLoader().getResourceAsStream("real-scans/tesseract-test/phototest.tif")) {
			bytes = in.readAllBytes();
		}
		Path half = Files.write(this.dir.resolve("half.tif"), Arrays.copyOf(bytes, bytes.length / 2));

		// when / then
		try (ImagePageSource source = ImagePageSource.open(half, PageLimits.defaults())) {
			assertThatThrownBy(() -> source.page(0)).isInstanceOf(UnreadablePageException.class)
				.hasMessageContaining("ends before the page does");
		}
	}

	static BufferedImage page(String line) {
		BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SERIF, Font.PLAIN, 40));
		for (int y = 150; y < 1600; y += 60) {
			g.drawString(line, 120, y);
		}
		g.dispose();
		return image;
	}

	/** Writes the pages with the JDK's own TIFF writer, JPEG-compressed: one complete JPEG stream per strip. */
	static Path jpegTiff(List<BufferedImage> pages, Path target) throws IOException {
		ImageWriter writer = null;
		for (Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff"); writers.hasNext();) {
			ImageWriter candidate = writers.next();
			if (candidate.getClass().getName().startsWith("com.sun.imageio")) {
				writer = candidate;
			}
		}
		assertThat(writer).as("the JDK's TIFF writer").isNotNull();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionType("JPEG");
			param.setCompressionQuality(0.9f);
			writer.prepareWriteSequence(null);
			for (BufferedImage page : pages) {
				writer.writeToSequence(new IIOImage(page, null, null), param);
			}
			writer.endWriteSequence();
		}
		finally {
			writer.dispose();
		}
		return target;
	}

	private static boolean twelveMonkeysRefuses(Path tiff) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(tiff.toFile())) {
			ImageReader reader = new com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi().createReaderInstance();
			reader.setInput(in);
			boolean[] warned = { false };
			reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
			try {
				reader.read(0);
			}
			catch (IOException | RuntimeException ex) {
				return true;
			}
			finally {
				reader.dispose();
			}
			return warned[0];
		}
	}

	/** The tags of the first directory, read from the file itself. */
	private static List<Integer> tags(Path tiff) throws IOException {
		List<Integer> tags = new ArrayList<>();
		try (RandomAccessFile in = new RandomAccessFile(tiff.toFile(), "r")) {
			ByteBuffer header = read(in, 0, 8);
			int entries = Short.toUnsignedInt(read(in, header.getInt(4), 2).order(header.order()).getShort(0));
			ByteBuffer ifd = read(in, header.getInt(4) + 2L, 12 * entries).order(header.order());
			for (int i = 0; i < entries; i++) {
				tags.add(Short.toUnsignedInt(ifd.getShort(i * 12)));
			}
		}
		return tags;
	}

	private static int compression(Path tiff) throws IOException {
		try (RandomAccessFile in = new RandomAccessFile(tiff.toFile(), "r")) {
			ByteBuffer header = read(in, 0, 8);
			int entries = Short.toUnsignedInt(read(in, header.getInt(4), 2).order(header.order()).getShort(0));
			ByteBuffer ifd = read(in, header.getInt(4) + 2L, 12 * entries).order(header.order());
			for (int i = 0; i < entries; i++) {
				if (Short.toUnsignedInt(ifd.getShort(i * 12)) == 259) {
					return Short.toUnsignedInt(ifd.getShort(i * 12 + 8));
				}
			}
		}
		return -1;
	}

	private static ByteBuffer read(RandomAccessFile in, long at, int length) throws IOException {
		byte[] bytes = new byte[length];
		in.seek(at);
		in.readFully(bytes);
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		return buffer.order((bytes.length >= 2 && bytes[0] == 'I' && bytes[1] == 'I') ? ByteOrder.LITTLE_ENDIAN
				: ByteOrder.BIG_ENDIAN);
	}

	private static double meanDifference(BufferedImage a, BufferedImage b) {
		assertThat(b.getWidth()).isEqualTo(a.getWidth());
		assertThat(b.getHeight()).isEqualTo(a.getHeight());
		long sum = 0;
		int n = 0;
		for (int y = 0; y < a.getHeight(); y += 3) {
			for (int x = 0; x < a.getWidth(); x += 3) {
				sum += Math.abs((a.getRGB(x, y) & 0xff) - (b.getRGB(x, y) & 0xff));
				n++;
			}
		}
		return sum / (double) n;
	}

}
