package be.permitarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import be.permitarchive.job.ExitCode;
import be.permitarchive.job.IngestProgress;
import be.permitarchive.job.IngestRunner;
import be.permitarchive.job.IngestRunner.DeliveryLockedException;
import be.permitarchive.job.IngestRunner.DeliveryRejectedException;
import be.permitarchive.job.IngestRunner.IngestResult;
import be.permitarchive.job.JobStopper;
import be.permitarchive.register.IngestSummary;
import be.permitarchive.store.StoreProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code archive nightly <inbox>}: ingests every delivery (sub-folder) of an inbox in name order, in one process. An
 * unchanged delivery costs almost nothing; one failing delivery never stops the others. One line per delivery and a
 * summary; the exit code is the worst outcome ({@link Outcome}).
 */
@Command(name = "nightly")
class NightlyCommand extends PrintingCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<inbox>", descriptionKey = "nightly.inbox")
	Path inbox;

	@Option(names = "--accept-with-findings", descriptionKey = "ingest.acceptWithFindings")
	boolean acceptWithFindings;

	@Option(names = "--reference", descriptionKey = "nightly.reference", paramLabel = "<folder>")
	Path reference;

	@Mixin
	JobOptions job;

	/**
	 * What happened to one delivery, from best to worst: the run's exit code is the one of its worst outcome, so
	 * {@code STOPPED} (8) > {@code FAILED} (6) > {@code LOCKED} (7) > {@code REJECTED} (1) > {@code FINDINGS} (3) >
	 * {@code OK} and {@code NOTHING} (0).
	 */
	enum Outcome {

		NOTHING(ExitCode.OK), OK(ExitCode.OK), FINDINGS(ExitCode.COMPLETED_WITH_FINDINGS),
		REJECTED(ExitCode.REJECTED), LOCKED(ExitCode.LOCKED), FAILED(ExitCode.JOB_FAILED),
		STOPPED(ExitCode.STOPPED);

		final ExitCode exitCode;

		Outcome(ExitCode exitCode) {
			this.exitCode = exitCode;
		}

	}

	@Override
	public Integer call() throws Exception {
		if (!Files.isDirectory(this.inbox)) {
			this.out.println(this.messages.get("nightly.noInbox", this.inbox.toAbsolutePath().normalize()));
			return ExitCode.USAGE.code();
		}
		List<Path> deliveries = deliveries(this.inbox);
		Path where = this.inbox.toAbsolutePath().normalize();
		if (deliveries.isEmpty()) {
			this.out.println(this.messages.get("nightly.empty", where));
			return ExitCode.OK.code();
		}
		this.out.println(this.messages.get("nightly.starting", where, deliveries.size()));
		List<String> args = this.job.springArguments();
		Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
		Outcome worst = Outcome.NOTHING;
		this.gracefulStop.install();
		try (ConfigurableApplicationContext context = Register.openForJob(args)) {
			this.gracefulStop.stopWith(context.getBean(JobStopper.class)::stopRunningHere);
			IngestRunner runner = context.getBean(IngestRunner.class);
			context.getBean(IngestProgress.class).listen(ProgressPrinter.forConsole(this.messages, this.out));
			Path reports = context.getBean(StoreProperties.class).dir().toAbsolutePath().normalize().resolveSibling(
					"reports");
			Path reference = this.reference;
			for (Path delivery : deliveries) {
				if (this.gracefulStop.signalled()) {
					this.out.println(this.messages.get("nightly.line.notStarted", name(delivery)));
					counts.merge(Outcome.STOPPED, 1, Integer::sum);
					worst = Outcome.STOPPED;
					continue;
				}
				Outcome outcome = ingest(runner, delivery, reference, reports);
				reference = null;
				counts.merge(outcome, 1, Integer::sum);
				if (outcome.ordinal() > worst.ordinal()) {
					worst = outcome;
				}
			}
		}
		this.out.println(this.messages.get("nightly.summary", deliveries.size(), count(counts, Outcome.NOTHING),
				count(counts, Outcome.OK) + count(counts, Outcome.FINDINGS), count(counts, Outcome.FINDINGS),
				count(counts, Outcome.REJECTED), count(counts, Outcome.LOCKED), count(counts, Outcome.FAILED),
				count(counts, Outcome.STOPPED)));
		return worst.exitCode.code();
	}

	private Outcome ingest(IngestRunner runner, Path delivery, Path reference, Path reports) {
		String name = name(delivery);
		Path report = reports.resolve("validation-" + name);
		try {
			IngestResult result = runner.ingest(delivery, reference, this.acceptWithFindings);
			String execution = String.valueOf(result.executionId());
			if (result.nothingToDo()) {
				this.out.println(this.messages.get("nightly.line.nothing", name, execution));
				return Outcome.NOTHING;
			}
			if (result.validation() != null && !result.validation().findings().isEmpty()) {
				ValidationPrinter.writeReports(result.validation(), this.messages, report);
			}
			return switch (result.exitCode()) {
				case OK, COMPLETED_WITH_FINDINGS -> {
					IngestSummary summary = result.summary();
					this.out.println(this.messages.get("nightly.line.ingested", name, summary.dossiers("registered"),
							summary.dossiers("needs-review"), summary.dossiers("quarantined"),
							summary.quarantine().size(), execution));
					yield summary.hasFindings() ? Outcome.FINDINGS : Outcome.OK;
				}
				case STOPPED -> {
					this.out.println(this.messages.get("nightly.line.stopped", name, execution));
					yield Outcome.STOPPED;
				}
				default -> {
					this.out.println(this.messages.get("nightly.line.failed", name, execution,
							String.valueOf(result.failure())));
					yield Outcome.FAILED;
				}
			};
		}
		catch (DeliveryRejectedException rejected) {
			Path html = writeReports(rejected, report);
			this.out.println(this.messages.get("nightly.line.rejected", name, rejected.report().findings().size(),
					String.valueOf(html)));
			return Outcome.REJECTED;
		}
		catch (DeliveryLockedException locked) {
			this.out.println(this.messages.get("nightly.line.locked", name, locked.holder()));
			return Outcome.LOCKED;
		}
		catch (Exception ex) {
			this.out.println(this.messages.get("nightly.line.error", name, ex.toString()));
			return Outcome.FAILED;
		}
	}

	private Path writeReports(DeliveryRejectedException rejected, Path report) {
		try {
			return ValidationPrinter.writeReports(rejected.report(), this.messages, report).toAbsolutePath();
		}
		catch (Exception ex) {
			return report;
		}
	}

	/** The inbox's deliveries: its sub-folders in name order, without hidden ones. */
	static List<Path> deliveries(Path inbox) throws IOException {
		try (Stream<Path> children = Files.list(inbox)) {
			return children.filter(Files::isDirectory)
				.filter((p) -> !p.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
	}

	private static String name(Path delivery) {
		return delivery.getFileName().toString();
	}

	private static int count(Map<Outcome, Integer> counts, Outcome outcome) {
		return counts.getOrDefault(outcome, 0);
	}

}
