package be.permitarchive.validate;

/** The outcome of validating a delivery against the standard (docs/standard.md). */
public enum Verdict {

	/** No finding with severity reject. Exit code 0. */
	ACCEPTED,
	/** At least one finding with severity reject. Exit code 1. */
	REJECTED

}
