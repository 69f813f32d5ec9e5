package be.permitarchive.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import be.permitarchive.job.IngestProgress;
import be.permitarchive.job.IngestProgress.Snapshot;
import be.permitarchive.messages.Messages;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows the ingest's progress: a progress bar (pages, dossiers, pages/s, time left) on an interactive terminal, and
 * a plain line at most every {@link #LINE_EVERY} otherwise (cron, systemd), so that a log shows how far a night got.
 */
final class ProgressPrinter implements IngestProgress.Listener {

	static final Duration LINE_EVERY = Duration.ofSeconds(60);

	private final Messages messages;

	private final PrintStream out;

	private final boolean terminal;

	private ProgressBar bar;

	private long lastLine;

	ProgressPrinter(Messages messages, PrintStream out, boolean terminal) {
		this.messages = messages;
		this.out = out;
		this.terminal = terminal;
	}

	/** A terminal when the command's output is one (not redirected, not under cron or systemd). */
	static ProgressPrinter forConsole(Messages messages, PrintStream out) {
		return new ProgressPrinter(messages, out, System.console() != null && System.getenv("TERM") != null
				&& !"dumb".equals(System.getenv("TERM")));
	}

	@Override
	public void started(Snapshot progress) {
		if (progress.pagesTotal() == 0) {
			return;
		}
		if (this.terminal) {
			this.bar = new ProgressBarBuilder().setTaskName(this.messages.get("progress.task"))
				.setInitialMax(progress.pagesTotal())
				.setUnit(" " + this.messages.get("progress.unit"), 1)
				.showSpeed()
				.setStyle(ProgressBarStyle.ASCII)
				.setUpdateIntervalMillis(500)
				.setConsumer(new ConsoleProgressBarConsumer(this.out))
				.build();
		}
		else {
			this.out.println(this.messages.get("progress.start", progress.dossiersTotal(), progress.pagesTotal()));
		}
		this.lastLine = System.nanoTime();
	}

	@Override
	public void advanced(Snapshot progress) {
		if (this.bar != null) {
			this.bar.stepTo(Math.min(progress.pagesDone(), progress.pagesTotal()));
			this.bar.setExtraMessage(" " + this.messages.get("progress.dossiers", progress.dossiersDone(),
					progress.dossiersTotal()));
		}
		else if (!this.terminal && System.nanoTime() - this.lastLine >= LINE_EVERY.toNanos()) {
			this.lastLine = System.nanoTime();
			this.out.println(line(progress));
		}
	}

	@Override
	public void finished(Snapshot progress) {
		if (this.bar != null) {
			this.bar.stepTo(Math.min(progress.pagesDone(), progress.pagesTotal()));
			this.bar.close();
			this.bar = null;
		}
		else if (!this.terminal && progress.pagesTotal() > 0) {
			this.out.println(line(progress));
		}
	}

	@Override
	public void waitingForWorkers(long partitions, String queue) {
		if (this.bar != null) {
			this.bar.setExtraMessage(" " + this.messages.get("progress.noWorkers.short", partitions));
		}
		else {
			this.out.println(this.messages.get("progress.noWorkers", partitions, queue));
		}
	}

	String line(Snapshot progress) {
		String left = (progress.left() == null) ? "?" : duration(progress.left());
		return this.messages.get("progress.line", progress.dossiersDone(), progress.dossiersTotal(),
				progress.pagesDone(), progress.pagesTotal(),
				String.format(Locale.ROOT, "%.2f", progress.pagesPerSecond()), duration(progress.elapsed()), left);
	}

	static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + " min " + (seconds % 60) + " s";
		}
		return (seconds / 3600) + " h " + ((seconds % 3600) / 60) + " min";
	}

}
