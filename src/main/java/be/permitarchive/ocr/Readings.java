package be.permitarchive.ocr;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pages read before the OCR step by an engine of the same kind, for the OCR step to take instead of reading them a
 * second time: the validation's legibility sample reads the first text page of the first dossiers of every delivery
 * (three pages by default), and the OCR step would read exactly those pages again with the same engine, the same
 * image and the same resolution. A reading is found by the file's content (SHA-256), the page, the resolution and the
 * image size it was read at, and taken once. Thread-safe. What is not taken (a rejected delivery, partitions run by
 * workers in other processes) is dropped with {@link #clear} at the end of the run.
 */
public final class Readings {

	/** More than any legibility sample: a bound, not a cache size. */
	static final int MAX_PAGES = 64;

	private final Map<String, RecognizedPage> pages = new ConcurrentHashMap<>();

	private final AtomicInteger taken = new AtomicInteger();

	/** Keeps a page read by the whole-page {@link OcrEngine#recognize} at {@code dpi}. */
	public void put(String sha256, int page, int dpi, int width, int height, RecognizedPage reading) {
		if (sha256 != null && this.pages.size() < MAX_PAGES) {
			this.pages.put(key(sha256, page, dpi, width, height), reading);
		}
	}

	/** The reading of that page at that resolution and size, when there is one; it is not kept. */
	public Optional<RecognizedPage> take(String sha256, int page, int dpi, int width, int height) {
		if (sha256 == null || this.pages.isEmpty()) {
			return Optional.empty();
		}
		RecognizedPage reading = this.pages.remove(key(sha256, page, dpi, width, height));
		if (reading != null) {
			this.taken.incrementAndGet();
		}
		return Optional.ofNullable(reading);
	}

	/** How many readings were taken since this object was made: pages the OCR step did not read again. */
	public int taken() {
		return this.taken.get();
	}

	public int size() {
		return this.pages.size();
	}

	public void clear() {
		this.pages.clear();
	}

	private static String key(String sha256, int page, int dpi, int width, int height) {
		return sha256 + "/" + page + "/" + dpi + "/" + width + "x" + height;
	}

}
