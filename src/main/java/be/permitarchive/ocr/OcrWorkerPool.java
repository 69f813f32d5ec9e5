package be.permitarchive.ocr;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.MDC;

/**
 * A fixed pool of long-lived OCR worker threads, each owning one engine that it reuses for every page. Tasks are
 * pages; the caller bounds how many are in flight.
 */
public final class OcrWorkerPool implements AutoCloseable {

	private final ExecutorService executor;

	private final ThreadLocal<OcrEngine> engine;

	private final Queue<OcrEngine> engines = new ConcurrentLinkedQueue<>();

	private final int workers;

	public OcrWorkerPool(int workers, Supplier<OcrEngine> engineFactory) {
		this.workers = workers;
		AtomicInteger counter = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(workers, (runnable) -> {
			Thread thread = new Thread(runnable, "ocr-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.engine = ThreadLocal.withInitial(() -> {
			OcrEngine created = engineFactory.get();
			this.engines.add(created);
			return created;
		});
	}

	public int workers() {
		return this.workers;
	}

	/** Runs {@code task} on a worker thread with that thread's engine. */
	public <T> Future<T> submit(Task<T> task) {
		Map<String, String> context = MDC.getCopyOfContextMap(); // the log lines say which page they are about
		return this.executor.submit(() -> {
			if (context != null) {
				MDC.setContextMap(context);
			}
			try {
				return task.run(this.engine.get());
			}
			finally {
				MDC.clear();
			}
		});
	}

	@Override
	public void close() {
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(30, TimeUnit.SECONDS)) {
				this.executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		OcrEngine each;
		while ((each = this.engines.poll()) != null) {
			each.close();
		}
	}

	/** Work for one page, given the worker's engine. */
	@FunctionalInterface
	public interface Task<T> {

		T run(OcrEngine engine) throws Exception;

	}

}
