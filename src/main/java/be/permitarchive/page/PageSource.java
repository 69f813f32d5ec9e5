package be.permitarchive.page;

import java.io.IOException;

/**
 * The pages of one original file, read one at a time so that memory holds one page image, not the document.
 * Not thread-safe: one reader thread per source.
 */
public interface PageSource extends AutoCloseable {

	int pageCount();

	/**
	 * Reads page {@code index}.
	 * @throws UnreadablePageException when this page cannot be decoded (the other pages may still be fine)
	 */
	SourcePage page(int index) throws IOException;

	/**
	 * The most heap that reading page {@code index} and holding its image may take, as far as the file tells before
	 * the page is decoded (image size within the pixel budget, times the bytes per pixel of decoding or rendering).
	 * For a {@link PageMemory} lease.
	 */
	long heapBytes(int index);

	@Override
	void close() throws IOException;

}
