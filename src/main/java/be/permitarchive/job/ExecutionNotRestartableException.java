package be.permitarchive.job;

import org.springframework.batch.core.BatchStatus;

/** The execution ended in a state that Spring Batch does not resume (abandoned, unknown). */
public class ExecutionNotRestartableException extends Exception {

	private final long executionId;

	private final BatchStatus status;

	ExecutionNotRestartableException(long executionId, BatchStatus status) {
		super("job execution " + executionId + " cannot be restarted (" + status + ")");
		this.executionId = executionId;
		this.status = status;
	}

	public long executionId() {
		return this.executionId;
	}

	public BatchStatus status() {
		return this.status;
	}

}
