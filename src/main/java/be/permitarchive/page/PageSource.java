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

	@Override
	void close() throws IOException;

}
