package be.permitarchive.job;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import be.permitarchive.job.JobHistory.ExecutionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Stops ingest runs gracefully, in this process (SIGTERM) or in another one ({@code archive stop}): the execution is
 * marked STOPPING in the job repository; the process running it sees that between two chunks, finishes the dossiers
 * in flight and ends the execution as STOPPED, which {@code archive restart} and {@code archive ingest} resume.
 * <p>
 * The running process notices it without help: {@code ChunkOrientedStep} saves its step execution after every chunk,
 * and Spring Batch's {@code SimpleJobRepository.update(StepExecution)} first synchronises the job execution's status
 * from the database and marks the step terminate-only when it is STOPPING; the step then ends as STOPPED, and so does
 * the job. Each partition of the ocr step is such a step and stops after its chunk in flight (one that starts after
 * the request stops before its first chunk); the ocr step adds up their statuses and ends as STOPPED too.
 * <p>
 * Not {@code JobOperator.stop}: in Spring Batch 6.0.4 it sets an end time along with STOPPING, so the repository
 * records the execution as STOPPED while its process is still finishing its chunk, and it writes the running step
 * executions from the stopping thread, racing the step's own chunk commits on the same rows (optimistic locking; a
 * lost race leaves the step UNKNOWN, which cannot be restarted: spring-batch issues 5114, 5120, 5308). Here only the
 * job execution's status is written, never a step execution.
 */
@Component
public class JobStopper implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(JobStopper.class);

	private final JobRepository jobRepository;

	private final JobHistory history;

	/** The executions this process runs now, with their delivery ("" for a job without one). */
	private final Map<Long, String> runningHere = new ConcurrentHashMap<>();

	/** The deliveries whose runs here are to stop, the one about to start included: their lock was lost. */
	private final Set<String> stoppingDeliveries = ConcurrentHashMap.newKeySet();

	private volatile boolean stopRequestedHere;

	JobStopper(JobRepository jobRepository, JobHistory history) {
		this.jobRepository = jobRepository;
		this.history = history;
	}

	/**
	 * Asks the process running {@code executionId} to stop it after the dossiers in flight.
	 * @throws NoSuchExecutionException when the repository does not know it
	 * @throws ExecutionNotRunningException when it has ended, or its process died (then it can only be resumed)
	 */
	public StopRequest stop(long executionId)
			throws SQLException, NoSuchExecutionException, ExecutionNotRunningException {
		ExecutionRow execution = this.history.find(executionId)
			.orElseThrow(() -> new NoSuchExecutionException(executionId));
		if (!execution.running()) {
			throw new ExecutionNotRunningException(execution);
		}
		boolean alreadyStopping = execution.status() == BatchStatus.STOPPING;
		if (!alreadyStopping) {
			markStopping(executionId);
		}
		return new StopRequest(executionId, execution.delivery(), alreadyStopping);
	}

	/** Stops what this process runs, and a run it is about to start (SIGTERM while it validates). */
	public void stopRunningHere() {
		this.stopRequestedHere = true;
		for (long executionId : this.runningHere.keySet()) {
			markStopping(executionId);
		}
	}

	/**
	 * Stops what this process runs on {@code delivery}, and a run on it that is about to start, until
	 * {@link #forgetDelivery}: the delivery's lock was lost.
	 */
	public void stopDelivery(String delivery) {
		this.stoppingDeliveries.add(delivery);
		this.runningHere.forEach((executionId, running) -> {
			if (running.equals(delivery)) {
				markStopping(executionId);
			}
		});
	}

	/** Runs on {@code delivery} may start again: this process no longer holds a lock it lost on it. */
	public void forgetDelivery(String delivery) {
		this.stoppingDeliveries.remove(delivery);
	}

	@Override
	public void beforeJob(JobExecution execution) {
		String delivery = java.util.Objects.requireNonNullElse(execution.getJobParameters().getString("delivery"), "");
		this.runningHere.put(execution.getId(), delivery);
		if (this.stopRequestedHere || this.stoppingDeliveries.contains(delivery)) {
			markStopping(execution.getId());
		}
	}

	@Override
	public void afterJob(JobExecution execution) {
		this.runningHere.remove(execution.getId());
	}

	private void markStopping(long executionId) {
		for (int attempt = 1;; attempt++) {
			JobExecution execution = this.jobRepository.getJobExecution(executionId);
			if (execution == null || !execution.getStatus().isRunning()
					|| execution.getStatus() == BatchStatus.STOPPING) {
				return;
			}
			execution.setStatus(BatchStatus.STOPPING);
			try {
				this.jobRepository.update(execution);
				log.info("Execution {} marked STOPPING: it stops after the dossiers in flight", executionId);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// the run updated its execution between our read and our write: read it again
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	/**
	 * A stop asked for.
	 * @param delivery the delivery of the execution
	 * @param alreadyStopping it had been asked before and the run is still finishing its dossiers
	 */
	public record StopRequest(long executionId, String delivery, boolean alreadyStopping) {
	}

}
