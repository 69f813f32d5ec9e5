package be.permitarchive.job;

/** The job repository has no execution with this id (or none of a job this command knows). */
public class NoSuchExecutionException extends Exception {

	private final long executionId;

	NoSuchExecutionException(long executionId) {
		super("no job execution " + executionId + " in the job repository");
		this.executionId = executionId;
	}

	public long executionId() {
		return this.executionId;
	}

}
