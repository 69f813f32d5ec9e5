package be.permitarchive.validate;

/** What a finding means for the delivery: a reason to reject it, or a warning the contractor should act on. */
public enum Severity {

	REJECT, WARN

}
