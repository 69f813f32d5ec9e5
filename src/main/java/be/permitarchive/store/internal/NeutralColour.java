package be.permitarchive.store.internal;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Colour page images whose every pixel is grey (red = green = blue): scanners and converters often write grey pages
 * in RGB (pdftoppm's PNGs, a scanner left on "colour"). Such a page goes into the access copy as a grey JPEG, which
 * renders the same (DeviceGray v is DeviceRGB v, v, v), takes a third of the samples to compress and less room.
 * A single coloured pixel keeps the page in colour.
 */
final class NeutralColour {

	private NeutralColour() {
	}

	/**
	 * The page as an 8-bit grey image with the same values, when it is an 8-bit sRGB image (bytes in any band order,
	 * or packed in ints) whose every pixel is grey; null otherwise (coloured, or a layout not looked at).
	 */
	static BufferedImage asGrey(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		Raster raster = image.getRaster();
		if (raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
				|| !image.getColorModel().getColorSpace().isCS_sRGB() || image.getColorModel().hasAlpha()) {
			return null;
		}
		BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		byte[] out = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
		if (raster.getDataBuffer() instanceof DataBufferByte bytes && bytes.getNumBanks() == 1
				&& raster.getSampleModel() instanceof PixelInterleavedSampleModel model
				&& image.getColorModel() instanceof ComponentColorModel && model.getNumBands() == 3
				&& image.getColorModel().getComponentSize(0) == 8 && image.getColorModel().getComponentSize(1) == 8
				&& image.getColorModel().getComponentSize(2) == 8) {
			byte[] data = bytes.getData();
			int[] offsets = model.getBandOffsets();
			int stride = model.getScanlineStride();
			int pixelStride = model.getPixelStride();
			int base = bytes.getOffset();
			for (int y = 0; y < h; y++) {
				int at = base + y * stride;
				int to = y * w;
				for (int x = 0; x < w; x++, at += pixelStride) {
					byte r = data[at + offsets[0]];
					if (r != data[at + offsets[1]] || r != data[at + offsets[2]]) {
						return null;
					}
					out[to + x] = r;
				}
			}
			return grey;
		}
		if (raster.getDataBuffer() instanceof DataBufferInt ints && ints.getNumBanks() == 1
				&& raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
				&& image.getColorModel() instanceof DirectColorModel colours && colours.getRedMask() == 0xff0000
				&& colours.getGreenMask() == 0xff00 && colours.getBlueMask() == 0xff) {
			int[] data = ints.getData();
			int stride = model.getScanlineStride();
			int base = ints.getOffset();
			for (int y = 0; y < h; y++) {
				int at = base + y * stride;
				int to = y * w;
				for (int x = 0; x < w; x++) {
					int rgb = data[at + x];
					int r = (rgb >> 16) & 0xff;
					if (r != ((rgb >> 8) & 0xff) || r != (rgb & 0xff)) {
						return null;
					}
					out[to + x] = (byte) r;
				}
			}
			return grey;
		}
		return null;
	}

}
