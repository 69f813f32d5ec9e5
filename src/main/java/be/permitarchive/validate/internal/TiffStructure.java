package be.permitarchive.validate.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The structure of a classic TIFF, walked without decoding: every directory (IFD) and every strip or tile must lie
 * inside the file, and the directory chain must not loop. A TIFF cut off in transfer may still decode its first pages
 * and report fewer pages without an error; this finds it. BigTIFF is not walked.
 */
public final class TiffStructure {

	private static final int MAX_DIRECTORIES = 100_000;

	private static final int MAX_ENTRIES = 4_096;

	private static final int MAX_VALUES = 1_000_000;

	private TiffStructure() {
	}

	/** What is damaged, or empty when the structure is whole (or not a classic TIFF). */
	public static Optional<String> damage(Path file) throws IOException {
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			if (length < 8) {
				return Optional.of("shorter than a TIFF header");
			}
			byte[] header = read(in, 0, 8);
			ByteOrder order = (header[0] == 'I') ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
			ByteBuffer buffer = ByteBuffer.wrap(header).order(order);
			if (buffer.getShort(2) != 42) {
				return Optional.empty();
			}
			long offset = Integer.toUnsignedLong(buffer.getInt(4));
			Set<Long> seen = new HashSet<>();
			int page = 0;
			while (offset != 0) {
				page++;
				if (!seen.add(offset) || seen.size() > MAX_DIRECTORIES) {
					return Optional.of("the directory chain loops at page " + page);
				}
				if (offset + 2 > length) {
					return Optional.of("directory of page " + page + " lies beyond the end of the file");
				}
				int entries = Short.toUnsignedInt(ByteBuffer.wrap(read(in, offset, 2)).order(order).getShort());
				if (entries > MAX_ENTRIES || offset + 2 + 12L * entries + 4 > length) {
					return Optional.of("directory of page " + page + " is cut off");
				}
				ByteBuffer ifd = ByteBuffer.wrap(read(in, offset + 2, 12 * entries + 4)).order(order);
				long[] offsets = null;
				long[] counts = null;
				for (int i = 0; i < entries; i++) {
					int tag = Short.toUnsignedInt(ifd.getShort(i * 12));
					if (tag == 273 || tag == 324) {
						offsets = values(in, ifd, i * 12, order, length);
					}
					else if (tag == 279 || tag == 325) {
						counts = values(in, ifd, i * 12, order, length);
					}
				}
				if (offsets != null && counts != null) {
					for (int i = 0; i < Math.min(offsets.length, counts.length); i++) {
						if (offsets[i] + counts[i] > length) {
							return Optional.of("image data of page " + page + " lies beyond the end of the file");
						}
					}
				}
				offset = Integer.toUnsignedLong(ifd.getInt(12 * entries));
			}
			return Optional.empty();
		}
	}

	private static long[] values(RandomAccessFile in, ByteBuffer ifd, int at, ByteOrder order, long length)
			throws IOException {
		int type = Short.toUnsignedInt(ifd.getShort(at + 2));
		long count = Integer.toUnsignedLong(ifd.getInt(at + 4));
		int size = (type == 3) ? 2 : 4;
		if (count > MAX_VALUES) {
			return new long[] { length + 1 };
		}
		ByteBuffer data;
		if (count * size <= 4) {
			data = ifd.duplicate().order(order).position(at + 8).slice().order(order);
		}
		else {
			long offset = Integer.toUnsignedLong(ifd.getInt(at + 8));
			if (offset + count * size > length) {
				return new long[] { length + 1 };
			}
			data = ByteBuffer.wrap(read(in, offset, (int) (count * size))).order(order);
		}
		long[] values = new long[(int) count];
		for (int i = 0; i < count; i++) {
			values[i] = (size == 2) ? Short.toUnsignedInt(data.getShort(i * 2))
					: Integer.toUnsignedLong(data.getInt(i * 4));
		}
		return values;
	}

	private static byte[] read(RandomAccessFile in, long offset, int length) throws IOException {
		byte[] bytes = new byte[length];
		in.seek(offset);
		in.readFully(bytes);
		return bytes;
	}

}
