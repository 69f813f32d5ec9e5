package be.permitarchive.ocr;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;

/**
 * Reads the grey level of single pixels of a page image, as fast as its layout allows and with exactly the values
 * {@link BufferedImage#getRGB(int, int)} would give. The page measures sample hundreds of thousands of pixels per
 * page; through {@code getRGB} every one of them goes through the colour model one component at a time, which cost
 * more than decoding the page (session 5 profile of the validation of 40 RGB PNG pages). Byte-interleaved grey and
 * sRGB images and 1-8 bit palette images are read from their data buffer; anything else through {@code getRGB}.
 * Holds no state beyond the image: cheap to make, one per image.
 */
public final class GreySampler {

	private final BufferedImage image;

	private final Reader reader;

	private final boolean storedGrey;

	private GreySampler(BufferedImage image) {
		this.image = image;
		this.reader = reader(image);
		this.storedGrey = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
	}

	public static GreySampler of(BufferedImage image) {
		return new GreySampler(image);
	}

	/** The luma (0.299 R + 0.587 G + 0.114 B, integer) of the pixel's sRGB value as {@code getRGB} gives it. */
	public int luma(int x, int y) {
		return (this.reader != null) ? this.reader.luma(x, y) : luma(this.image.getRGB(x, y));
	}

	/**
	 * The grey level as stored for an 8-bit grey image ({@link BufferedImage#TYPE_BYTE_GRAY}: no conversion of its
	 * linear grey to sRGB, which would lighten it), else {@link #luma}.
	 */
	public int grey(int x, int y) {
		if (this.storedGrey) {
			return (this.reader instanceof ByteReader bytes) ? bytes.stored(x, y)
					: this.image.getRaster().getSample(x, y, 0);
		}
		return luma(x, y);
	}

	/** Whether pixels are read from the data buffer rather than through {@code getRGB}. */
	boolean direct() {
		return this.reader != null;
	}

	static int luma(int rgb) {
		return (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
	}

	private static Reader reader(BufferedImage image) {
		Raster raster = image.getRaster();
		SampleModel model = raster.getSampleModel();
		ColorModel colours = image.getColorModel();
		if (!(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1) {
			return null;
		}
		int tx = raster.getSampleModelTranslateX();
		int ty = raster.getSampleModelTranslateY();
		byte[] data = buffer.getData();
		int base = buffer.getOffset();
		if (model instanceof PixelInterleavedSampleModel interleaved && colours instanceof ComponentColorModel
				&& !colours.hasAlpha() && model.getDataType() == DataBuffer.TYPE_BYTE) {
			int components = colours.getNumComponents();
			int[] offsets = interleaved.getBandOffsets();
			int stride = interleaved.getScanlineStride();
			int pixelStride = interleaved.getPixelStride();
			if (components == 1 && offsets.length == 1) {
				int[] lut = new int[256];
				for (int v = 0; v < 256; v++) {
					lut[v] = luma(colours.getRGB(new byte[] { (byte) v }));
				}
				return new ByteReader(data, base, tx, ty, stride, pixelStride, offsets[0], lut);
			}
			if (components == 3 && offsets.length == 3 && colours.getColorSpace().isCS_sRGB()
					&& colours.getComponentSize(0) == 8 && colours.getComponentSize(1) == 8
					&& colours.getComponentSize(2) == 8) {
				return new RgbReader(data, base, tx, ty, stride, pixelStride, offsets[0], offsets[1], offsets[2]);
			}
			return null;
		}
		if (model instanceof MultiPixelPackedSampleModel packed && colours instanceof IndexColorModel palette
				&& packed.getNumBands() == 1) {
			int bits = packed.getPixelBitStride();
			int[] lut = new int[palette.getMapSize()];
			for (int i = 0; i < lut.length; i++) {
				lut[i] = luma(palette.getRGB(i));
			}
			return new PackedReader(data, base, tx, ty, packed.getScanlineStride(), packed.getDataBitOffset(), bits,
					lut);
		}
		if (model instanceof PixelInterleavedSampleModel interleaved && colours instanceof IndexColorModel palette
				&& interleaved.getNumBands() == 1 && palette.getColorSpace().getType() == ColorSpace.TYPE_RGB) {
			int[] lut = new int[256];
			for (int v = 0; v < 256; v++) {
				lut[v] = (v < palette.getMapSize()) ? luma(palette.getRGB(v)) : 0;
			}
			return new ByteReader(data, base, tx, ty, interleaved.getScanlineStride(), interleaved.getPixelStride(),
					interleaved.getBandOffsets()[0], lut);
		}
		return null;
	}

	private interface Reader {

		int luma(int x, int y);

	}

	/** One byte per pixel: grey (its sRGB value through a table) or a palette index. */
	private record ByteReader(byte[] data, int base, int tx, int ty, int stride, int pixelStride, int offset,
			int[] lut) implements Reader {

		int stored(int x, int y) {
			return this.data[this.base + (y - this.ty) * this.stride + (x - this.tx) * this.pixelStride + this.offset]
					& 0xff;
		}

		@Override
		public int luma(int x, int y) {
			return this.lut[stored(x, y)];
		}

	}

	/** Three bytes per pixel, 8-bit sRGB in any band order: getRGB returns them as stored. */
	private record RgbReader(byte[] data, int base, int tx, int ty, int stride, int pixelStride, int red, int green,
			int blue) implements Reader {

		@Override
		public int luma(int x, int y) {
			int at = this.base + (y - this.ty) * this.stride + (x - this.tx) * this.pixelStride;
			return ((this.data[at + this.red] & 0xff) * 299 + (this.data[at + this.green] & 0xff) * 587
					+ (this.data[at + this.blue] & 0xff) * 114) / 1000;
		}

	}

	/** 1, 2 or 4 bits per pixel, packed, with a palette (bilevel scans). */
	private record PackedReader(byte[] data, int base, int tx, int ty, int stride, int bitOffset, int bits,
			int[] lut) implements Reader {

		@Override
		public int luma(int x, int y) {
			int bit = this.bitOffset + (x - this.tx) * this.bits;
			int b = this.data[this.base + (y - this.ty) * this.stride + (bit >> 3)] & 0xff;
			int shift = 8 - this.bits - (bit & 7);
			int index = (b >> shift) & ((1 << this.bits) - 1);
			return (index < this.lut.length) ? this.lut[index] : 0;
		}

	}

}
