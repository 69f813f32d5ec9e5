package be.permitarchive.job;

import be.permitarchive.job.JobHistory.ExecutionRow;

import org.springframework.batch.core.BatchStatus;

/** There is nothing to stop: the execution has ended, or the process that ran it died. */
public class ExecutionNotRunningException extends Exception {

	private final long executionId;

	private final BatchStatus status;

	private final boolean interrupted;

	ExecutionNotRunningException(ExecutionRow execution) {
		super("job execution " + execution.id() + " is not running ("
				+ (execution.interrupted() ? "its process is gone" : execution.status()) + ")");
		this.executionId = execution.id();
		this.status = execution.status();
		this.interrupted = execution.interrupted();
	}

	public long executionId() {
		return this.executionId;
	}

	public BatchStatus status() {
		return this.status;
	}

	/** The repository calls it running, but its process died: it can be resumed, not stopped. */
	public boolean interrupted() {
		return this.interrupted;
	}

}
