package be.permitarchive.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.LinkOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import be.permitarchive.ingest.DeliveryLayout;
import be.permitarchive.ingest.EmptyDeliveryException;
import be.permitarchive.ingest.NotADeliveryException;
import be.permitarchive.messages.Messages;
import be.permitarchive.page.PageLimits;
import be.permitarchive.store.Store;
import be.permitarchive.validate.DeliveryValidator;
import be.permitarchive.validate.Severity;
import be.permitarchive.validate.ValidationOptions;
import be.permitarchive.validate.ValidationReport;
import be.permitarchive.validate.ValidationReportJson;
import be.permitarchive.validate.Verdict;
import be.permitarchive.ocr.OcrEngineFactory;
import be.permitarchive.ocr.OcrProperties;
import be.permitarchive.ocr.Readings;
import be.permitarchive.register.IngestSummary;
import be.permitarchive.register.internal.DeliveryLock;
import be.permitarchive.georef.internal.ReferenceDataFolder;
import be.permitarchive.register.internal.JdbcReferenceData;
import be.permitarchive.register.internal.JdbcRegister;
import be.permitarchive.register.internal.RegisterUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.FatalStepExecutionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs the ingest job on a delivery: takes the delivery's lock, resumes the delivery's last execution when it
 * failed, was stopped or was killed, or starts a new one, and reports the delivery as the register holds it. A run
 * is stopped by {@link JobStopper}.
 */
@Component
public class IngestRunner {

	private static final Logger log = LoggerFactory.getLogger(IngestRunner.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job ingestJob;

	private final JdbcRegister register;

	/** Job parameters (not identifying) that say what a completed run covered. */
	static final String FINGERPRINT = "fingerprint";

	static final String MAP_VERSION = "map-version";

	private final DataSource dataSource;

	private final OcrEngineFactory engines;

	/** Dossiers validated side by side: the OCR workers, as far as the heap allows. */
	private final int validationThreads;

	private final JdbcReferenceData referenceData;

	private final JobHistory history;

	private final Readings readings;

	private final StoreCheck storeCheck;

	private final DeliveryLockWatch lockWatch;

	IngestRunner(JobOperator jobOperator, JobRepository jobRepository, Job ingestJob, JdbcRegister register,
			DataSource dataSource, OcrEngineFactory engines, JdbcReferenceData referenceData, JobHistory history,
			OcrProperties ocr, Readings readings, StoreCheck storeCheck, DeliveryLockWatch lockWatch) {
		this.readings = readings;
		this.storeCheck = storeCheck;
		this.lockWatch = lockWatch;
		this.validationThreads = Math.min(ocr.effectiveWorkers(), DeliveryValidator.defaultThreads());
		this.history = history;
		this.engines = engines;
		this.referenceData = referenceData;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.ingestJob = ingestJob;
		this.register = register;
		this.dataSource = dataSource;
	}

	public IngestResult ingest(Path delivery) throws Exception {
		return ingest(delivery, null, false);
	}

	/**
	 * Ingests a delivery.
	 * @param reference a reference-data folder to load first as the latest version (unless its content is already
	 * the latest), or null to use the register's latest
	 */
	public IngestResult ingest(Path delivery, Path reference) throws Exception {
		return ingest(delivery, reference, false);
	}

	/**
	 * Validates the delivery against the standard, then ingests it, unless it is rejected and
	 * {@code acceptWithFindings} is false. The verdict and the findings are kept with the delivery in the register.
	 * @throws DeliveryRejectedException when the delivery is rejected and not to be accepted with its findings
	 */
	public IngestResult ingest(Path delivery, Path reference, boolean acceptWithFindings) throws Exception {
		return ingest(delivery, reference, acceptWithFindings, (report) -> {
		});
	}

	/**
	 * As {@link #ingest(Path, Path, boolean)}, handing the validation report to {@code validated} as soon as the
	 * delivery is validated (before it is ingested or refused), so that its acceptance report exists even when the
	 * run is killed or fails afterwards.
	 */
	public IngestResult ingest(Path delivery, Path reference, boolean acceptWithFindings,
			Consumer<ValidationReport> validated) throws Exception {
		Path root = delivery.toAbsolutePath().normalize();
		if (!Files.isDirectory(root)) {
			throw new NotADeliveryException(root);
		}
		if (DeliveryLayout.discover(root).empty()) {
			throw new EmptyDeliveryException(root); // before the delivery is recorded: it is not counted as received
		}
		org.slf4j.MDC.put(LogContext.DELIVERY, String.valueOf(root.getFileName()));
		try {
			return ingestLogged(root, reference, acceptWithFindings, validated);
		}
		finally {
			this.readings.clear(); // what the ocr step did not take (a rejected delivery, pages read by workers)
			org.slf4j.MDC.remove(LogContext.DELIVERY);
		}
	}

	private IngestResult ingestLogged(Path root, Path reference, boolean acceptWithFindings,
			Consumer<ValidationReport> validated) throws Exception {
		try (DeliveryLock held = lock(root); DeliveryLockWatch.Watch watch = this.lockWatch.watch(held, root.toString())) {
			long deliveryId = this.register.recordDelivery(root);
			String fingerprint = fingerprint(root);
			Optional<String> known = this.register.verdictFor(deliveryId, fingerprint);
			ValidationReport validation = null;
			if (known.isEmpty() || (known.get().equals("rejected") && !acceptWithFindings)) {
				checkOcr();
				validation = validate(root, deliveryId, fingerprint, acceptWithFindings, validated);
			}
			else {
				log.info("Delivery {} unchanged since its last validation ({}): not validated again", root,
						known.get());
			}
			if (reference != null) {
				this.referenceData.load(reference, ReferenceDataFolder.DEFAULT_CAPAKEY_ATTRIBUTE);
			}
			String mapVersion = this.referenceData.latest().map((v) -> String.valueOf(v.id())).orElse("none");
			// outputs deleted or cut short since they were written are made again, never trusted
			List<StoreCheck.Damaged> damaged = this.storeCheck.check(deliveryId, false);
			for (StoreCheck.Damaged dossier : damaged) {
				log.warn("Dossier {}: its outputs in the store are damaged ({}): they are made again",
						dossier.dossier().folder(), String.join("; ", dossier.problems()));
			}
			this.storeCheck.remake(damaged);
			JobExecution last = lastExecution(root);
			if (damaged.isEmpty() && this.register.pendingWork(deliveryId).dossiers() == 0 && validation == null
					&& last != null && last.getStatus() == BatchStatus.COMPLETED
					&& fingerprint.equals(last.getJobParameters().getString(FINGERPRINT))
					&& mapVersion.equals(last.getJobParameters().getString(MAP_VERSION))) {
				// the nightly case: nothing changed since a complete run, so there is nothing to do
				log.info("Delivery {} unchanged since execution {} completed, on the same parcel map: nothing to do",
						root, last.getId());
				return new IngestResult(last.getId(), last.getStatus(), null, this.register.summary(deliveryId), null,
						true);
			}
			if (validation == null) {
				checkOcr();
			}
			if (watch.lost()) {
				throw lockLost(root, null);
			}
			JobExecution execution = run(root, last, fingerprint, mapVersion);
			if (execution.getStatus() != BatchStatus.COMPLETED && watch.lost()) {
				throw lockLost(root, execution.getId());
			}
			return new IngestResult(execution.getId(), execution.getStatus(), exitDescription(execution),
					this.register.summary(deliveryId), validation, false, damaged.size());
		}
	}

	/**
	 * Fails fast, before any OCR work, when Tesseract or its language data is missing; not paid by a delivery with
	 * nothing to do (a nightly run over an inbox of unchanged deliveries).
	 */
	private void checkOcr() {
		this.engines.create().close();
	}

	private ValidationReport validate(Path root, long deliveryId, String fingerprint, boolean acceptWithFindings,
			Consumer<ValidationReport> validated) throws Exception {
		ValidationReport validation = new DeliveryValidator(this.engines::create, PageLimits.defaults(),
				this.validationThreads, this.readings)
			.validate(root, ValidationOptions.defaults());
		Messages dutch = Messages.of("nl");
		StringWriter json = new StringWriter();
		ValidationReportJson.write(validation, dutch::get, json);
		boolean rejected = validation.verdict() == Verdict.REJECTED;
		this.register.recordValidation(deliveryId, validation, rejected && acceptWithFindings, json.toString(),
				(finding) -> dutch.get("rule." + finding.rule(), finding.args().toArray()), fingerprint);
		validated.accept(validation);
		if (rejected && !acceptWithFindings) {
			throw new DeliveryRejectedException(validation);
		}
		return validation;
	}

	/** Every file of the delivery by path, size and modification time: what a nightly re-run compares. */
	static String fingerprint(Path root) throws IOException {
		List<String> lines = new ArrayList<>();
		try (var walk = Files.walk(root)) {
			for (Path file : walk.filter((p) -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
				lines.add(root.relativize(file) + "\t" + Files.size(file) + "\t"
						+ Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis());
			}
		}
		Collections.sort(lines);
		return Store.sha256(String.join("\n", lines));
	}

	private JobExecution run(Path root, JobExecution last, String fingerprint, String mapVersion) throws Exception {
		if (last != null && resumable(last.getStatus())) {
			return resume(root, last);
		}
		JobParametersBuilder parameters = new JobParametersBuilder().addString("delivery", root.toString())
			.addLong("run", System.currentTimeMillis())
			.addString(FINGERPRINT, fingerprint, false)
			.addString(MAP_VERSION, mapVersion, false);
		return this.jobOperator.start(this.ingestJob, parameters.toJobParameters());
	}

	private static boolean resumable(BatchStatus status) {
		return status.isRunning() || status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
	}

	/** Restarts a failed or stopped execution; one left running must be held by us (the delivery's lock). */
	private JobExecution resume(Path root, JobExecution last) throws Exception {
		if (last.getStatus().isRunning()) {
			// we hold the delivery's lock, so nobody runs it: its process died (kill -9, power cut)
			log.info("Execution {} of {} was interrupted; recovering it", last.getId(), root);
			// with remote workers, partitions of the dead manager's run may still be running or waiting in the queue:
			// asked to stop, the running ones end after their dossier and the waiting ones as soon as a worker takes
			// them; only then is the run recovered, so nothing is declared failed under a worker still running it
			last.setStatus(BatchStatus.STOPPING);
			this.jobRepository.update(last);
			PartitionLock.awaitReleased(this.dataSource, last.getJobInstanceId(), Duration.ofSeconds(1));
			last = this.jobRepository.getJobExecution(last.getId());
			last = this.jobOperator.recover(last);
		}
		log.info("Restarting execution {} of {}", last.getId(), root);
		return this.jobOperator.restart(last);
	}

	/**
	 * Resumes the run that {@code executionId} belongs to, under its delivery's lock: the last execution of its job
	 * instance is restarted when it failed or was stopped, or recovered first when its process died. Nothing runs when
	 * that execution completed ({@link IngestResult#nothingToDo()}). The delivery is not validated again: the run was
	 * accepted when it started.
	 * @throws NoSuchExecutionException when the repository has no ingest execution {@code executionId}
	 * @throws DeliveryLockedException when a process still runs the delivery
	 * @throws ExecutionNotRestartableException when the run was abandoned or its state is unknown
	 */
	public IngestResult restart(long executionId) throws Exception {
		if (this.history.find(executionId).filter((e) -> IngestJobConfiguration.JOB_NAME.equals(e.jobName())).isEmpty()) {
			// asked first: the repository's getJobExecution throws for an id it does not know
			throw new NoSuchExecutionException(executionId);
		}
		JobExecution execution = this.jobRepository.getJobExecution(executionId);
		Path root = Path.of(execution.getJobParameters().getString("delivery"));
		if (!Files.isDirectory(root)) {
			throw new NotADeliveryException(root);
		}
		this.engines.create().close();
		try (DeliveryLock held = lock(root); DeliveryLockWatch.Watch watch = this.lockWatch.watch(held, root.toString())) {
			long deliveryId = held.deliveryId();
			JobExecution last = this.jobRepository.getLastJobExecution(execution.getJobInstance());
			if (last.getStatus() == BatchStatus.COMPLETED) {
				return new IngestResult(last.getId(), last.getStatus(), null, this.register.summary(deliveryId), null,
						true);
			}
			if (!resumable(last.getStatus())) {
				throw new ExecutionNotRestartableException(last.getId(), last.getStatus());
			}
			JobExecution resumed = resume(root, last);
			if (resumed.getStatus() != BatchStatus.COMPLETED && watch.lost()) {
				throw lockLost(root, resumed.getId());
			}
			return new IngestResult(resumed.getId(), resumed.getStatus(), exitDescription(resumed),
					this.register.summary(deliveryId), null, false);
		}
	}

	private DeliveryLock lock(Path root) throws Exception {
		Optional<DeliveryLock> lock = DeliveryLock.tryLock(this.dataSource, IngestJobConfiguration.JOB_NAME,
				root.toString());
		if (lock.isEmpty()) {
			throw new DeliveryLockedException(root,
					DeliveryLock.holder(this.dataSource, IngestJobConfiguration.JOB_NAME, root.toString()));
		}
		return lock.get();
	}

	/**
	 * What to report when the lock was lost: the register gone altogether, when it cannot be reached now, or else
	 * the lost lock itself.
	 */
	private RuntimeException lockLost(Path root, Long executionId) {
		try (Connection connection = this.dataSource.getConnection()) {
			return new DeliveryLockLostException(root, executionId);
		}
		catch (SQLException ex) {
			return new RegisterUnavailableException(ex.getMessage(), ex);
		}
	}

	/** The latest execution of the ingest job for this delivery, found by its parameter in one query. */
	private JobExecution lastExecution(Path root) {
		List<Long> ids = JdbcClient.create(this.dataSource).sql("""
				select e.job_execution_id from batch_job_execution e
				join batch_job_instance i on i.job_instance_id = e.job_instance_id
				join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
				where i.job_name = :job and p.parameter_name = 'delivery' and p.parameter_value = :delivery
				order by e.job_execution_id desc limit 1""")
			.param("job", IngestJobConfiguration.JOB_NAME)
			.param("delivery", root.toString())
			.query(Long.class)
			.list();
		return ids.isEmpty() ? null : this.jobRepository.getJobExecution(ids.get(0));
	}

	/**
	 * Why the run failed: what failed a partition of the ocr step first, rather than the ocr step's own "partition
	 * handler returned an unsuccessful step", then what failed any other step or the job; for a chunk, what failed
	 * it rather than Spring Batch's "unable to process chunk".
	 */
	private static String exitDescription(JobExecution execution) {
		Stream<Throwable> partitions = execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().startsWith(IngestJobConfiguration.OCR_PARTITION_STEP + ":"))
			.flatMap((step) -> step.getFailureExceptions().stream());
		return Stream.concat(partitions, execution.getAllFailureExceptions().stream())
			.map(IngestRunner::reason)
			.findFirst()
			.orElse(execution.getExitStatus().getExitDescription());
	}

	private static String reason(Throwable failure) {
		Throwable reason = failure;
		while (reason instanceof FatalStepExecutionException && reason.getCause() != null) {
			reason = reason.getCause();
		}
		return reason.getMessage();
	}

	/**
	 * The outcome of a run.
	 * @param failure why the job failed, when it did
	 * @param validation the validation of this run, null when the delivery was unchanged since the last one
	 * @param nothingToDo the delivery and the parcel map are unchanged since a completed run: no job was run
	 */
	/** @param remade dossiers whose outputs were found damaged in the store before the run, and were made again */
	public record IngestResult(long executionId, BatchStatus status, String failure, IngestSummary summary,
			ValidationReport validation, boolean nothingToDo, int remade) {

		public IngestResult(long executionId, BatchStatus status, String failure, IngestSummary summary,
				ValidationReport validation, boolean nothingToDo) {
			this(executionId, status, failure, summary, validation, nothingToDo, 0);
		}

		/**
		 * The run's exit code; 0 when there was nothing to do (docs/standard.md, section 10): the findings of the
		 * completed run it refers to were reported, with their exit code, by that run.
		 */
		public ExitCode exitCode() {
			if (this.nothingToDo) {
				return ExitCode.OK;
			}
			if (this.status == BatchStatus.STOPPED) {
				return ExitCode.STOPPED;
			}
			if (this.status != BatchStatus.COMPLETED) {
				return ExitCode.JOB_FAILED;
			}
			return this.summary.hasFindings() ? ExitCode.COMPLETED_WITH_FINDINGS : ExitCode.OK;
		}

	}

	/** The delivery breaks the standard and was not to be accepted with its findings: nothing was ingested. */
	public static class DeliveryRejectedException extends Exception {

		private final ValidationReport report;

		DeliveryRejectedException(ValidationReport report) {
			super("delivery " + report.delivery() + " is rejected: " + report.count(Severity.REJECT)
					+ " finding(s) with severity reject");
			this.report = report;
		}

		public ValidationReport report() {
			return this.report;
		}

	}

	/** Another process holds the delivery's lock. */
	public static class DeliveryLockedException extends Exception {

		private final DeliveryLock.Holder holder;

		DeliveryLockedException(Path delivery, DeliveryLock.Holder holder) {
			super("delivery " + delivery + " is being ingested by " + holder);
			this.holder = holder;
		}

		public DeliveryLock.Holder holder() {
			return this.holder;
		}

	}


}
