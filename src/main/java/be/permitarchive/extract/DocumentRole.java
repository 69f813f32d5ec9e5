package be.permitarchive.extract;

/**
 * What kind of document a page belongs to. The same words mean different things in different documents: a reference
 * in a plan's title block is the architect's, a date in an application is the date it was filed, "gunstig" in an
 * advice is not the decision. The rules weigh what they read by the role of the page it stands on.
 */
public enum DocumentRole {

	/** The college's decision (collegebesluit, uittreksel uit de notulen, vergunning): the authoritative source. */
	DECISION("decision"),
	/** The dossier's cover sheet or file card: the archive's own summary of the dossier. */
	COVER("cover"),
	/** The application form, filled in by the applicant. */
	APPLICATION("application"),
	/** An advice from another authority (the regional planning official, the fire service). */
	ADVICE("advice"),
	/** A letter, usually the municipality's notification of the decision. */
	LETTER("letter"),
	/** The report of a public inquiry. */
	INQUIRY("inquiry"),
	/** A plan sheet: only its title block is read, which is the architect's. */
	PLAN("plan"),
	/** Anything else, or a page too short or too badly read to tell. */
	OTHER("other");

	private final String code;

	DocumentRole(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

}
