package be.permitarchive.ocr.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Dark scanner borders painted over in paper grey before OCR: the dark pixels connected to the edge of the image
 * (the scanner lid or the platen around a page, a wedge of it where the page lay skewed). Tesseract thresholds the
 * page with one global Otsu level; a black border and punch holes pull that level so far down that light grey
 * typewriter text falls on the paper side and the page reads as empty (measured on the dev set: two faded pages with
 * black borders went from 89% and 100% of their words lost to 1% and 9%). Text that does not touch the edge is never
 * touched; pages without a dark edge are returned as they are, without a copy.
 */
final class DarkBorders {

	/** Darker than this fraction of the paper level is border, not paper: black or dark grey, not faded ink. */
	static final double BORDER_LEVEL = 0.5;

	/**
	 * More of the page than this dark and connected to the edge is no border but the page itself (a negative scan,
	 * a photograph to the edge): left alone.
	 */
	static final double MAX_SHARE = 0.4;

	/** Paper darker than this cannot be told from a border. */
	static final int MIN_PAPER_LEVEL = 96;

	private DarkBorders() {
	}

	/**
	 * The page with its dark border painted paper grey, or {@code gray} itself when it has none.
	 * @param gray an 8-bit grey image with a tightly packed raster (as {@code PageImages.toGray} gives)
	 */
	static BufferedImage painted(BufferedImage gray) {
		int w = gray.getWidth();
		int h = gray.getHeight();
		byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
		int paper = paperLevel(pixels);
		int border = (int) (paper * BORDER_LEVEL);
		if (paper < MIN_PAPER_LEVEL || !darkEdge(pixels, w, h, border)) {
			return gray;
		}
		long[] visited = new long[(int) (((long) w * h + 63) / 64)];
		int[] stack = new int[1024];
		int top = 0;
		for (int x = 0; x < w; x++) {
			top = push(stack = room(stack, top), top, pixels, visited, x, border);
			top = push(stack = room(stack, top), top, pixels, visited, (h - 1) * w + x, border);
		}
		for (int y = 0; y < h; y++) {
			top = push(stack = room(stack, top), top, pixels, visited, y * w, border);
			top = push(stack = room(stack, top), top, pixels, visited, y * w + w - 1, border);
		}
		// first find the border, then paint a copy: a page that is dark to its edges is not painted at all
		long limit = (long) (MAX_SHARE * w * h);
		long found = 0;
		while (top > 0) {
			int at = stack[--top];
			if (++found > limit) {
				return gray;
			}
			int x = at % w;
			stack = room(stack, top + 4);
			if (x > 0) {
				top = push(stack, top, pixels, visited, at - 1, border);
			}
			if (x < w - 1) {
				top = push(stack, top, pixels, visited, at + 1, border);
			}
			if (at >= w) {
				top = push(stack, top, pixels, visited, at - w, border);
			}
			if (at + w < pixels.length) {
				top = push(stack, top, pixels, visited, at + w, border);
			}
		}
		BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		byte[] painted = ((DataBufferByte) copy.getRaster().getDataBuffer()).getData();
		System.arraycopy(pixels, 0, painted, 0, pixels.length);
		for (int word = 0; word < visited.length; word++) {
			for (long bits = visited[word]; bits != 0; bits &= bits - 1) {
				painted[(word << 6) + Long.numberOfTrailingZeros(bits)] = (byte) paper; // seen = dark and connected
			}
		}
		return copy;
	}

	/** The most common grey level of a sample of the page: the paper. */
	static int paperLevel(byte[] pixels) {
		int[] histogram = new int[256];
		for (int i = 0; i < pixels.length; i += 7) {
			histogram[pixels[i] & 0xff]++;
		}
		int mode = 0;
		for (int v = 1; v < 256; v++) {
			if (histogram[v] > histogram[mode]) {
				mode = v;
			}
		}
		return mode;
	}

	private static boolean darkEdge(byte[] pixels, int w, int h, int border) {
		for (int x = 0; x < w; x++) {
			if ((pixels[x] & 0xff) < border || (pixels[(h - 1) * w + x] & 0xff) < border) {
				return true;
			}
		}
		for (int y = 0; y < h; y++) {
			if ((pixels[y * w] & 0xff) < border || (pixels[y * w + w - 1] & 0xff) < border) {
				return true;
			}
		}
		return false;
	}

	/** Pushes the pixel when it is dark and not seen yet, marking it seen. */
	private static int push(int[] stack, int top, byte[] pixels, long[] visited, int at, int border) {
		if ((pixels[at] & 0xff) >= border || (visited[at >>> 6] & (1L << at)) != 0) {
			return top;
		}
		visited[at >>> 6] |= 1L << at;
		stack[top] = at;
		return top + 1;
	}

	private static int[] room(int[] array, int size) {
		return (size + 4 < array.length) ? array : java.util.Arrays.copyOf(array, array.length * 2);
	}

}
