package be.permitarchive.page;

import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;

/**
 * A heap budget for page images decoded side by side: a thread takes a lease for what its page may need
 * ({@link PageSource#heapBytes}) before decoding it and returns it when done with the page. Pages wait while the
 * budget is spent; a page larger than the whole budget waits until it is alone. So threads can work side by side on
 * ordinary pages (an A4 page at 300 ppi needs 35-70 MB) without an 80 Mpx plan on each of them exhausting the heap.
 */
public final class PageMemory {

	/** What the rest of the process keeps of the heap when the budget is taken from it. */
	static final long RESERVE_BYTES = 320L << 20;

	/** The least budget: one A4 page at 300 ppi, rendered. */
	static final long MIN_BYTES = 96L << 20;

	private final Semaphore megabytes;

	private final int total;

	public PageMemory(long bytes) {
		this.total = (int) Math.max(1, bytes >> 20);
		this.megabytes = new Semaphore(this.total, true);
	}

	/** The heap this JVM may grow to, less {@link #RESERVE_BYTES} for everything else. */
	public static PageMemory ofHeap() {
		return new PageMemory(Math.max(MIN_BYTES, Runtime.getRuntime().maxMemory() - RESERVE_BYTES));
	}

	/**
	 * Waits until {@code bytes} of the budget are free (all of it for a page larger than the budget) and takes them
	 * until the lease is closed.
	 * @throws InterruptedIOException when interrupted while waiting
	 */
	public Lease lease(long bytes) throws InterruptedIOException {
		int wanted = (int) Math.max(1, Math.min(this.total, (bytes + (1 << 20) - 1) >> 20));
		try {
			this.megabytes.acquire(wanted);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while waiting for memory to decode a page");
		}
		return new Lease(wanted);
	}

	/** Part of the budget, held until closed. */
	public final class Lease implements AutoCloseable {

		private int held;

		private Lease(int held) {
			this.held = held;
		}

		@Override
		public void close() {
			if (this.held > 0) {
				PageMemory.this.megabytes.release(this.held);
				this.held = 0;
			}
		}

	}

}
