package be.permitarchive.job;

/**
 * The exit codes of the {@code archive} command: a documented, stable interface for scripts and schedulers (README,
 * "Exit codes"). This is the only place that maps outcomes to numbers.
 */
public enum ExitCode {

	/** Everything was registered. */
	OK(0),
	/** A delivery was rejected by validation (reserved for {@code archive validate}). */
	REJECTED(1),
	/** The command line was wrong. */
	USAGE(2),
	/** The run finished, but some files are in quarantine or some dossiers need review. */
	COMPLETED_WITH_FINDINGS(3),
	/** A prerequisite is missing (Tesseract, its language data, Java). */
	PREREQUISITES(4),
	/** The register cannot be reached or started. */
	REGISTER_UNAVAILABLE(5),
	/** The job failed; it can be restarted and resumes where it stopped. */
	JOB_FAILED(6),
	/** Another run holds the lock on this delivery. */
	LOCKED(7),
	/**
	 * The run was stopped on request ({@code archive stop}, SIGTERM) after finishing the dossiers in flight; it resumes
	 * where it stopped.
	 */
	STOPPED(8),
	/**
	 * The run lost its lock on the delivery (the register ended the session that held it) and stopped, writing
	 * nothing more; another process may be running the delivery now.
	 */
	LOCK_LOST(9);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
