package be.permitarchive.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import be.permitarchive.register.ProcessedDossier;
import be.permitarchive.register.internal.JdbcRegister;
import be.permitarchive.register.internal.JdbcRegister.PendingWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * How far the ocr step is: dossiers and pages done of those pending when it started, pages per second and the time
 * left. Told to the listeners (the command line's progress bar or its periodic lines) after every chunk, and written
 * to the log at most every {@link #LOG_EVERY} for unattended runs.
 * <p>
 * It listens to the partitioned {@code ocr} step itself (start and end, once per run) and, through
 * {@link #dossiersWritten()}, to the chunks of all its partitions, which commit on their own threads: the count is
 * shared and the listeners are told one chunk at a time.
 */
public final class IngestProgress implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(IngestProgress.class);

	static final Duration LOG_EVERY = Duration.ofSeconds(30);

	private final JdbcRegister register;

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	private volatile Run run;

	IngestProgress(JdbcRegister register) {
		this.register = register;
	}

	/** Adds a listener for the runs of this process. */
	public void listen(Listener listener) {
		this.listeners.add(listener);
	}

	public void stopListening(Listener listener) {
		this.listeners.remove(listener);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		String delivery = stepExecution.getJobExecution().getJobParameters().getString("delivery");
		PendingWork work = (delivery == null) ? new PendingWork(0, 0)
				: this.register.findDelivery(Path.of(delivery))
					.map(this.register::pendingWork)
					.orElse(new PendingWork(0, 0));
		this.run = new Run(delivery, work.dossiers(), work.pages(), System.nanoTime());
		Snapshot start = this.run.snapshot();
		log.info("OCR of {}: {} dossiers, {} pages to read", delivery, work.dossiers(), work.pages());
		this.listeners.forEach((l) -> l.started(start));
	}

	/** For the partitions of the ocr step: counts the dossiers and pages of every chunk they commit. */
	ItemWriteListener<ProcessedDossier> dossiersWritten() {
		return new ItemWriteListener<>() {

			@Override
			public void afterWrite(Chunk<? extends ProcessedDossier> items) {
				written(items);
			}

		};
	}

	/**
	 * For a run whose partitions are written by other processes ({@code archive worker}): where it stands according
	 * to the register, the dossiers and pages no longer pending. Called by the manager while it waits.
	 */
	void readFromRegister() {
		Run current = this.run;
		if (current == null || current.delivery == null) {
			return;
		}
		PendingWork left = this.register.findDelivery(Path.of(current.delivery))
			.map(this.register::pendingWork)
			.orElse(new PendingWork(0, 0));
		synchronized (current) {
			Snapshot now = current.advanceTo(current.dossiersTotal - left.dossiers(), current.pagesTotal - left.pages());
			if (now == null) {
				return;
			}
			if (current.logDue()) {
				log.info("OCR of {} (workers): {}/{} dossiers, {}/{} pages, {} pages/s", now.delivery(),
						now.dossiersDone(), now.dossiersTotal(), now.pagesDone(), now.pagesTotal(),
						String.format(java.util.Locale.ROOT, "%.2f", now.pagesPerSecond()));
			}
			this.listeners.forEach((l) -> l.advanced(now));
		}
	}

	/** For the manager of a scaled-out run: nobody takes its partitions. */
	void waitingForWorkers(long partitions, String queue) {
		if (this.run != null) {
			this.listeners.forEach((l) -> l.waitingForWorkers(partitions, queue));
		}
	}

	private void written(Chunk<? extends ProcessedDossier> items) {
		Run current = this.run;
		if (current == null) {
			return;
		}
		long pages = 0;
		for (ProcessedDossier dossier : items) {
			pages += dossier.pages().size();
		}
		synchronized (current) { // the partitions commit side by side; the listeners hear of one chunk at a time
			Snapshot now = current.advance(items.size(), pages);
			if (current.logDue()) {
				log.info("OCR of {}: {}/{} dossiers, {}/{} pages, {} pages/s, about {} s left", now.delivery(),
						now.dossiersDone(), now.dossiersTotal(), now.pagesDone(), now.pagesTotal(),
						String.format(java.util.Locale.ROOT, "%.2f", now.pagesPerSecond()),
						(now.left() == null) ? "?" : now.left().toSeconds());
			}
			this.listeners.forEach((l) -> l.advanced(now));
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		Run current = this.run;
		if (current != null) {
			Snapshot end = current.snapshot();
			log.info("OCR of {} ended ({}): {} dossiers, {} pages in {} s", end.delivery(),
					stepExecution.getStatus(), end.dossiersDone(), end.pagesDone(), end.elapsed().toSeconds());
			this.listeners.forEach((l) -> l.finished(end));
		}
		this.run = null;
		return stepExecution.getExitStatus();
	}

	/** Told where the ocr step is. Called on the step's threads, never two at a time; must return quickly. */
	public interface Listener {

		void started(Snapshot progress);

		void advanced(Snapshot progress);

		void finished(Snapshot progress);

		/** Partitions wait in the broker's queue and no worker takes them (scale-out); said again now and then. */
		default void waitingForWorkers(long partitions, String queue) {
		}

	}

	/**
	 * Where a run stands.
	 * @param left the estimated time to read the remaining pages at the rate so far, null before the first chunk
	 */
	public record Snapshot(String delivery, int dossiersDone, int dossiersTotal, long pagesDone, long pagesTotal,
			Duration elapsed, double pagesPerSecond, Duration left) {
	}

	private static final class Run {

		private final String delivery;

		private final int dossiersTotal;

		private final long pagesTotal;

		private final long started;

		private int dossiersDone;

		private long pagesDone;

		private long lastLog;

		Run(String delivery, int dossiersTotal, long pagesTotal, long started) {
			this.delivery = delivery;
			this.dossiersTotal = dossiersTotal;
			this.pagesTotal = pagesTotal;
			this.started = started;
			this.lastLog = started;
		}

		synchronized Snapshot advance(int dossiers, long pages) {
			this.dossiersDone += dossiers;
			this.pagesDone += pages;
			return snapshot();
		}

		/** Moves to the given totals if they are further; null when nothing moved. */
		synchronized Snapshot advanceTo(int dossiers, long pages) {
			if (dossiers <= this.dossiersDone && pages <= this.pagesDone) {
				return null;
			}
			this.dossiersDone = Math.max(this.dossiersDone, dossiers);
			this.pagesDone = Math.max(this.pagesDone, pages);
			return snapshot();
		}

		synchronized boolean logDue() {
			long now = System.nanoTime();
			if (now - this.lastLog >= LOG_EVERY.toNanos()) {
				this.lastLog = now;
				return true;
			}
			return false;
		}

		synchronized Snapshot snapshot() {
			Duration elapsed = Duration.ofNanos(System.nanoTime() - this.started);
			double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
			double rate = this.pagesDone / seconds;
			Duration left = (this.pagesDone == 0) ? null
					: Duration.ofSeconds(Math.round(Math.max(0, this.pagesTotal - this.pagesDone) / rate));
			return new Snapshot(this.delivery, this.dossiersDone, this.dossiersTotal, this.pagesDone, this.pagesTotal,
					elapsed, rate, left);
		}

	}

}
