package be.permitarchive.extract;

/** The kinds of permit in the register's vocabulary (docs: domain.md). */
public enum PermitType {

	BOUWVERGUNNING("bouwvergunning"), VERKAVELINGSVERGUNNING("verkavelingsvergunning"),
	OMGEVINGSVERGUNNING("omgevingsvergunning"), MILIEUVERGUNNING("milieuvergunning"),
	SLOOPVERGUNNING("sloopvergunning"), STEDENBOUWKUNDIG_ATTEST("stedenbouwkundig-attest"), ONBEKEND("onbekend");

	private final String code;

	PermitType(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

}
