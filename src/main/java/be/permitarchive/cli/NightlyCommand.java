package be.permitarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import be.permitarchive.cli.ExportFile.Format;
import be.permitarchive.georef.internal.ReferenceDataFolder;
import be.permitarchive.job.ExitCode;
import be.permitarchive.job.IngestProgress;
import be.permitarchive.job.IngestRunner;
import be.permitarchive.job.DeliveryLockLostException;
import be.permitarchive.job.IngestRunner.DeliveryLockedException;
import be.permitarchive.job.IngestRunner.DeliveryRejectedException;
import be.permitarchive.job.IngestRunner.IngestResult;
import be.permitarchive.job.JobStopper;
import be.permitarchive.job.MapRealigner;
import be.permitarchive.job.RegisterChanges;
import be.permitarchive.register.IngestSummary;
import be.permitarchive.register.internal.JdbcReferenceData;
import be.permitarchive.register.internal.JsonlExporter;
import be.permitarchive.store.StoreProperties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code archive nightly <inbox>}: ingests every delivery (sub-folder) of an inbox in name order, in one process. An
 * unchanged delivery costs almost nothing; one failing delivery never stops the others, but a failure that concerns
 * every delivery (Tesseract missing, the register unreachable) stops the night as it stops {@code ingest}. One line
 * per delivery and a summary; the exit code is the worst outcome ({@link Outcome}).
 * <p>
 * With {@code --reference}, a new parcel map in that folder is loaded first and the register realigned on it as
 * {@code archive georef} does; the deliveries are then placed on it by their own georef step. With {@code --export},
 * the register is exported at the end, unless it has not changed since the export file was written.
 */
@Command(name = "nightly")
class NightlyCommand extends PrintingCommand implements Callable<Integer> {

	/** Dossiers to review, quarantined files and runs the nightly campaign report lists. */
	private static final int REPORT_LIMIT = 200;

	@Parameters(index = "0", paramLabel = "<inbox>", descriptionKey = "nightly.inbox")
	Path inbox;

	@Option(names = "--accept-with-findings", descriptionKey = "ingest.acceptWithFindings")
	boolean acceptWithFindings;

	@Option(names = "--reference", descriptionKey = "nightly.reference", paramLabel = "<folder>")
	Path reference;

	@Option(names = "--report", descriptionKey = "nightly.report", paramLabel = "<file>")
	Path report;

	@Option(names = "--export", descriptionKey = "nightly.export", paramLabel = "<file>")
	Path export;

	@Option(names = "--export-format", descriptionKey = "nightly.exportFormat", defaultValue = "jsonl",
			paramLabel = "jsonl|geojson")
	Format exportFormat;

	@Mixin
	JobOptions job;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

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

		/**
		 * Whether the register may have changed: a job ran, or another process holds the delivery. A rejected
		 * delivery only adds its validation, which the export does not hold.
		 */
		boolean changesTheRegister() {
			return this != NOTHING && this != REJECTED;
		}

	}

	@Override
	public Integer call() throws Exception {
		checkFolders();
		List<Path> deliveries = deliveries(this.inbox);
		Path where = this.inbox.toAbsolutePath().normalize();
		if (deliveries.isEmpty() && this.reference == null && this.export == null && this.report == null) {
			this.out.println(this.messages.get("nightly.empty", where));
			return ExitCode.OK.code();
		}
		this.out.println(deliveries.isEmpty() ? this.messages.get("nightly.noDeliveries", where)
				: this.messages.get("nightly.starting", where, deliveries.size()));
		List<String> args = this.job.springArguments();
		Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
		Outcome worst = Outcome.NOTHING;
		this.gracefulStop.install();
		try (ConfigurableApplicationContext context = Register.openForJob(args)) {
			ScaleOut.checkBroker(context);
			this.gracefulStop.stopWith(context.getBean(JobStopper.class)::stopRunningHere);
			IngestRunner runner = context.getBean(IngestRunner.class);
			context.getBean(IngestProgress.class).listen(ProgressPrinter.forConsole(this.messages, this.out));
			Path reports = context.getBean(StoreProperties.class).dir().toAbsolutePath().normalize().resolveSibling(
					"reports");
			boolean changed = (this.reference != null) && loadNewMap(context, reports);
			for (Path delivery : deliveries) {
				if (this.gracefulStop.signalled()) {
					this.out.println(this.messages.get("nightly.line.notStarted", name(delivery)));
					counts.merge(Outcome.STOPPED, 1, Integer::sum);
					worst = Outcome.STOPPED;
					continue;
				}
				Outcome outcome = ingest(runner, delivery, reports);
				changed |= outcome.changesTheRegister();
				counts.merge(outcome, 1, Integer::sum);
				if (outcome.ordinal() > worst.ordinal()) {
					worst = outcome;
				}
			}
			if (this.export != null) {
				if (this.gracefulStop.signalled()) {
					this.out.println(this.messages.get("nightly.export.stopped", this.export.toAbsolutePath()));
					worst = Outcome.STOPPED;
				}
				else {
					export(context, changed);
				}
			}
			if (this.report != null) {
				var totals = ReportCommand.write(context, this.messages, this.report, REPORT_LIMIT).totals();
				this.out.println(this.messages.get("nightly.report.done", this.report.toAbsolutePath().normalize(),
						totals.dossiers(), totals.needsReview()));
			}
		}
		this.out.println(this.messages.get("nightly.summary", deliveries.size(), count(counts, Outcome.NOTHING),
				count(counts, Outcome.OK) + count(counts, Outcome.FINDINGS), count(counts, Outcome.FINDINGS),
				count(counts, Outcome.REJECTED), count(counts, Outcome.LOCKED), count(counts, Outcome.FAILED),
				count(counts, Outcome.STOPPED)));
		return worst.exitCode.code();
	}

	/** The folders of the command line, checked before the register is opened: a usage error, exit 2. */
	private void checkFolders() {
		if (!Files.isDirectory(this.inbox)) {
			throw usage("nightly.noInbox", this.inbox);
		}
		if (this.reference != null && !Files.isDirectory(this.reference)) {
			throw usage("nightly.noReference", this.reference);
		}
		if (this.export != null && !Files.isDirectory(this.export.toAbsolutePath().getParent())) {
			throw usage("nightly.noExportFolder", this.export.toAbsolutePath().getParent());
		}
		if (this.report != null && !Files.isDirectory(this.report.toAbsolutePath().getParent())) {
			throw usage("nightly.noReportFolder", this.report.toAbsolutePath().getParent());
		}
	}

	private CommandLine.ParameterException usage(String key, Path path) {
		return new CommandLine.ParameterException(this.spec.commandLine(),
				this.messages.get(key, path.toAbsolutePath().normalize()));
	}

	/**
	 * Loads the reference-data folder unless its content is already the latest map version, and then realigns the
	 * register's dossiers on the new version and places the unplaced ones, as {@code archive georef} does. Done
	 * before the deliveries, whose georef step places their new dossiers on the latest version.
	 * @return whether a new map version was loaded
	 */
	private boolean loadNewMap(ConfigurableApplicationContext context, Path reports) throws IOException {
		JdbcReferenceData.Loaded loaded = context.getBean(JdbcReferenceData.class)
			.load(this.reference, ReferenceDataFolder.DEFAULT_CAPAKEY_ATTRIBUTE);
		if (!loaded.created()) {
			return false;
		}
		long version = loaded.version().id();
		MapRealigner realigner = context.getBean(MapRealigner.class);
		MapRealigner.Report report = realigner.realign(version, reports);
		int placed = realigner.placeUnplaced();
		this.out.println(this.messages.get("nightly.map", String.valueOf(version), loaded.version().source(),
				report.changed(), report.unchanged(), placed, report.csv().toAbsolutePath()));
		return true;
	}

	/**
	 * Exports the register into the export file, atomically; skipped when the night changed nothing and the file is
	 * newer than the register's last change (an ingest or georef by hand since the last export is exported).
	 */
	private void export(ConfigurableApplicationContext context, boolean changed) throws IOException {
		Path file = this.export.toAbsolutePath().normalize();
		if (!changed && Files.isRegularFile(file) && context.getBean(RegisterChanges.class)
			.lastChange()
			.map((last) -> last.isBefore(lastModified(file)))
			.orElse(true)) {
			this.out.println(this.messages.get("nightly.export.unchanged", file));
			return;
		}
		int count = ExportFile.write(context.getBean(JsonlExporter.class), this.exportFormat, false, file);
		this.out.println(this.messages.get("nightly.export.done", count, file));
	}

	private static Instant lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			return Instant.MIN;
		}
	}

	/**
	 * Ingests one delivery and prints its line.
	 * @throws Exception a failure that concerns every delivery ({@link #concernsEveryDelivery})
	 */
	private Outcome ingest(IngestRunner runner, Path delivery, Path reports) throws Exception {
		String name = name(delivery);
		Path report = reports.resolve("validation-" + name);
		try {
			IngestResult result = runner.ingest(delivery, null, this.acceptWithFindings,
					(validation) -> ValidationPrinter.writeFindings(validation, this.messages, report));
			String execution = String.valueOf(result.executionId());
			if (result.nothingToDo()) {
				this.out.println(this.messages.get("nightly.line.nothing", name, execution));
				return Outcome.NOTHING;
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
			Path html = report.resolve("acceptance-report.html").toAbsolutePath();
			this.out.println(this.messages.get("nightly.line.rejected", name, rejected.report().findings().size(),
					String.valueOf(html)));
			return Outcome.REJECTED;
		}
		catch (DeliveryLockedException locked) {
			this.out.println(this.messages.get("nightly.line.locked", name, Failures.holder(locked.holder(), this.messages)));
			return Outcome.LOCKED;
		}
		catch (DeliveryLockLostException lost) {
			this.out.println(this.messages.get("nightly.line.lockLost", name, String.valueOf(lost.executionId())));
			return Outcome.FAILED;
		}
		catch (Exception ex) {
			if (concernsEveryDelivery(ex)) {
				throw ex;
			}
			this.out.println(this.messages.get("nightly.line.error", name, ex.toString()));
			return Outcome.FAILED;
		}
	}

	/**
	 * Whether a failure would fail every other delivery too (a prerequisite missing, the register unreachable), as
	 * the one place that maps failures to exit codes ({@link Failures}) classifies it: the night stops with its
	 * message and exit code instead of repeating it for each delivery.
	 */
	private boolean concernsEveryDelivery(Exception ex) {
		int code = Failures.exitCode(ex, this.messages);
		return code == ExitCode.PREREQUISITES.code() || code == ExitCode.REGISTER_UNAVAILABLE.code();
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
