package be.permitarchive.dossier;

/**
 * Why a file was put in quarantine instead of the register. The codes are part of the documented standard
 * (docs/standard.md) and never change meaning; each has a message in the message bundle that tells the archive team
 * what to do ({@code quarantine.<code>}).
 */
public enum QuarantineReason {

	EMPTY_FILE("empty-file"),
	UNSUPPORTED_TYPE("unsupported-type"),
	ENCRYPTED("encrypted"),
	CORRUPT("corrupt"),
	TOO_LARGE("too-large"),
	NO_PAGES("no-pages"),
	OUTSIDE_DOSSIER("outside-dossier"),
	UNREADABLE("unreadable"),
	SYMBOLIC_LINK("symbolic-link"),
	/** The file's content when its pages were to be read was not the content discovered: it changed during the run. */
	CHANGED("changed-during-run"),
	/** The file was discovered and was gone when its pages were to be read. */
	MISSING("missing");

	private final String code;

	QuarantineReason(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
