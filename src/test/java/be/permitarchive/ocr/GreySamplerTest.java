package be.permitarchive.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast reads give exactly what {@code getRGB} (and, for 8-bit grey, the stored sample) gives, on every image
 * layout the decoders produce: the classifier's and the validation's thresholds must not move by one grey level.
 */
class GreySamplerTest {

	static List<Object[]> images() throws IOException {
		List<Object[]> images = new ArrayList<>();
		for (int type : new int[] { BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB,
				BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_BINARY, BufferedImage.TYPE_BYTE_INDEXED,
				BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB }) {
			images.add(new Object[] { "type " + type, noise(new BufferedImage(67, 41, type), 7) });
		}
		for (int bits : new int[] { 1, 2, 4 }) {
			int size = 1 << bits;
			byte[] r = new byte[size];
			byte[] g = new byte[size];
			byte[] b = new byte[size];
			Random random = new Random(bits);
			for (int i = 0; i < size; i++) {
				r[i] = (byte) random.nextInt(256);
				g[i] = (byte) random.nextInt(256);
				b[i] = (byte) random.nextInt(256);
			}
			BufferedImage packed = new BufferedImage(53, 29, BufferedImage.TYPE_BYTE_BINARY,
					new IndexColorModel(bits, size, r, g, b));
			images.add(new Object[] { bits + "-bit palette", noise(packed, bits) });
		}
		BufferedImage page = noise(new BufferedImage(90, 70, BufferedImage.TYPE_3BYTE_BGR), 3);
		images.add(new Object[] { "sub-image of RGB", page.getSubimage(13, 9, 50, 40) });
		BufferedImage grey = noise(new BufferedImage(90, 70, BufferedImage.TYPE_BYTE_GRAY), 4);
		images.add(new Object[] { "sub-image of grey", grey.getSubimage(7, 11, 61, 33) });
		BufferedImage binary = noise(new BufferedImage(90, 70, BufferedImage.TYPE_BYTE_BINARY), 5);
		images.add(new Object[] { "sub-image of bilevel", binary.getSubimage(3, 5, 77, 21) });
		// as the decoders deliver them: PNG RGB (pdftoppm's output), PNG grey, PNG bilevel
		images.add(new Object[] { "PNG RGB", roundTrip(page, "png") });
		images.add(new Object[] { "PNG grey", roundTrip(grey, "png") });
		images.add(new Object[] { "PNG bilevel", roundTrip(binary, "png") });
		images.add(new Object[] { "TIFF RGB", roundTrip(page, "tiff") });
		images.add(new Object[] { "JPEG grey", roundTrip(grey, "jpeg") });
		return images;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("images")
	void readsWhatGetRgbReads(String name, BufferedImage image) {
		GreySampler sampler = GreySampler.of(image);
		boolean storedGrey = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
		int[] sample = new int[1];
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int expected = GreySampler.luma(image.getRGB(x, y));
				assertThat(sampler.luma(x, y)).as("%s luma at %d,%d", name, x, y).isEqualTo(expected);
				int stored = storedGrey ? image.getRaster().getPixel(x, y, sample)[0] : expected;
				assertThat(sampler.grey(x, y)).as("%s grey at %d,%d", name, x, y).isEqualTo(stored);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("images")
	void readsTheLayoutsOfScansDirectly(String name, BufferedImage image) {
		boolean expected = !name.equals("type " + BufferedImage.TYPE_INT_RGB)
				&& !name.equals("type " + BufferedImage.TYPE_USHORT_GRAY)
				&& !name.equals("type " + BufferedImage.TYPE_4BYTE_ABGR)
				&& !name.equals("type " + BufferedImage.TYPE_INT_ARGB);
		assertThat(GreySampler.of(image).direct()).as(name).isEqualTo(expected);
	}

	private static BufferedImage noise(BufferedImage image, long seed) {
		Random random = new Random(seed);
		var raster = image.getRaster();
		int max = (1 << image.getSampleModel().getSampleSize(0)) - 1;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				for (int band = 0; band < raster.getNumBands(); band++) {
					raster.setSample(x, y, band, random.nextInt(max + 1));
				}
			}
		}
		return image;
	}

	private static BufferedImage roundTrip(BufferedImage image, String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, out)).as(format + " writer").isTrue();
		return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
	}

}
