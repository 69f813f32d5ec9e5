package be.permitarchive.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * The worker's side of remote partitioning: runs the partition a message names, through Spring Batch's
 * {@link StepExecutionRequestHandler}, while holding the partition's lock in the register.
 * <p>
 * The broker hands a partition's message to another worker when the worker that had it is gone (killed, machine
 * lost: its connection closes and the unacknowledged message is delivered again). The lock is a PostgreSQL
 * advisory lock on the job instance and partition, held on its own connection for as long as the partition runs: a
 * dead worker's session ends and releases it, while a worker that is only slow keeps it. So the next worker waits
 * for the lock, then runs the partition only if it is still unfinished, from the dossiers still pending: the dead
 * worker's unfinished dossier was rolled back with its transaction, so no page is lost or registered twice. The lock
 * is per job instance and partition, not per step execution, so a restarted run's partition also waits for the
 * old run's worker still busy with the same dossiers.
 */
public final class PartitionWorker {

	private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

	private final StepExecutionRequestHandler handler;

	private final JobRepository jobRepository;

	private final DataSource lockConnections;

	private final List<Consumer<Outcome>> listeners = new CopyOnWriteArrayList<>();

	private final List<Consumer<Path>> invisibleListeners = new CopyOnWriteArrayList<>();

	private final java.util.Set<Path> invisible = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/**
	 * @param lockConnections where the partition locks are taken: not the register's pool, whose connections the
	 * partitions need for their transactions (one lock held per running partition would starve it)
	 */
	PartitionWorker(StepExecutionRequestHandler handler, JobRepository jobRepository, DataSource lockConnections) {
		this.handler = handler;
		this.jobRepository = jobRepository;
		this.lockConnections = lockConnections;
	}

	/** Tells {@code listener} about every delivery folder this worker cannot see (once per folder). */
	public void listenForInvisibleDeliveries(Consumer<Path> listener) {
		this.invisibleListeners.add(listener);
	}

	private void cannotSee(Path delivery) {
		if (this.invisible.add(delivery)) {
			log.error("The delivery folder {} is not visible on this machine: mount the inbox at the same path as on "
					+ "the manager. Its partitions go back to the queue for other workers.", delivery);
			this.invisibleListeners.forEach((l) -> l.accept(delivery));
		}
	}

	/** Tells {@code listener} about every partition this worker finishes, on the worker's threads. */
	public void listen(Consumer<Outcome> listener) {
		this.listeners.add(listener);
	}

	/**
	 * Runs one partition if it still needs running. Returns normally when the partition is finished (by this worker
	 * or another), so the broker forgets the message; throws when the register is unreachable or the delivery's
	 * folder is not visible here ({@link DeliveryNotVisibleException}), so the message stays for another worker.
	 */
	public void run(StepExecutionRequest request) throws SQLException {
		StepExecution stepExecution = this.jobRepository.getStepExecution(request.getStepExecutionId());
		if (stepExecution == null) {
			log.warn("Partition {} is not in the job repository (removed?): message dropped",
					request.getStepExecutionId());
			return;
		}
		String delivery = stepExecution.getJobExecution().getJobParameters().getString("delivery");
		if (delivery != null && stepExecution.getStatus().isRunning() && !Files.isDirectory(Path.of(delivery))) {
			// a worker that does not see the inbox where the manager found the delivery must not take the partition:
			// its files would look unreadable and be quarantined
			cannotSee(Path.of(delivery));
			throw new DeliveryNotVisibleException(Path.of(delivery));
		}
		int partition = partitionNumber(stepExecution.getStepName());
		long jobInstance = stepExecution.getJobExecution().getJobInstance().getInstanceId();
		try (Connection lock = this.lockConnections.getConnection()) {
			lock.setAutoCommit(true);
			PartitionLock.acquire(lock, jobInstance, partition);
			try {
				runLocked(request);
			}
			finally {
				PartitionLock.release(lock, jobInstance, partition);
			}
		}
	}

	private void runLocked(StepExecutionRequest request) {
		StepExecution current = this.jobRepository.getStepExecution(request.getStepExecutionId());
		if (current == null) {
			return;
		}
		String delivery = current.getJobExecution().getJobParameters().getString("delivery");
		org.slf4j.MDC.put(LogContext.DELIVERY, (delivery == null) ? "" : String.valueOf(Path.of(delivery).getFileName()));
		try {
			BatchStatus status = current.getStatus();
			if (!status.isRunning()) {
				log.info("Partition {} ({}) is already {}: nothing to do", current.getId(), current.getStepName(),
						status);
				return;
			}
			if (!current.getJobExecution().getStatus().isRunning()) {
				log.info("Partition {} ({}) belongs to run {}, which is {}: not run", current.getId(),
						current.getStepName(), current.getJobExecutionId(), current.getJobExecution().getStatus());
				return;
			}
			if (status == BatchStatus.STARTED) {
				log.info("Partition {} ({}) was started by a worker that is gone: taking it over", current.getId(),
						current.getStepName());
			}
			long started = System.nanoTime();
			StepExecution done = this.handler.handle(request);
			if (done.getStatus() == BatchStatus.FAILED || done.getStatus() == BatchStatus.STOPPED) {
				// the handler sets these itself when the step threw; the step records its other outcomes
				this.jobRepository.update(done);
			}
			long seconds = (System.nanoTime() - started) / 1_000_000_000L;
			log.info("Partition {} ({}) {}: {} dossiers in {} s", done.getId(), done.getStepName(),
					done.getStatus(), done.getWriteCount(), seconds);
			Outcome outcome = new Outcome((delivery == null) ? "" : String.valueOf(Path.of(delivery).getFileName()),
					done.getJobExecutionId(), done.getStepName(), done.getStatus(), done.getWriteCount(), seconds,
					status == BatchStatus.STARTED);
			this.listeners.forEach((l) -> l.accept(outcome));
		}
		finally {
			org.slf4j.MDC.remove(LogContext.DELIVERY);
		}
	}

	/** The delivery folder a partition reads is not there on this machine (the inbox is not mounted at that path). */
	public static final class DeliveryNotVisibleException extends RuntimeException {

		private final Path delivery;

		DeliveryNotVisibleException(Path delivery) {
			super("The delivery folder " + delivery + " is not visible on this machine: mount the inbox at the same "
					+ "path as on the manager; the partition goes back to the queue");
			this.delivery = delivery;
		}

		public Path delivery() {
			return this.delivery;
		}

	}

	/**
	 * A partition this worker ran.
	 * @param takenOver whether another worker had started it and was gone
	 */
	public record Outcome(String delivery, long execution, String partition, BatchStatus status, long dossiers,
			long seconds, boolean takenOver) {
	}

	static int partitionNumber(String stepName) {
		int colon = stepName.lastIndexOf(':');
		try {
			return (colon < 0) ? 0 : Integer.parseInt(stepName.substring(colon + 1));
		}
		catch (NumberFormatException ex) {
			return stepName.hashCode();
		}
	}

}
