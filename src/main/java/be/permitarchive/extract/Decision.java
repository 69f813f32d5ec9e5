package be.permitarchive.extract;

/** What the college decided, in the register's vocabulary. */
public enum Decision {

	VERLEEND("verleend"), GEWEIGERD("geweigerd"), GEDEELTELIJK_VERLEEND("gedeeltelijk-verleend"), ONBEKEND("onbekend");

	private final String code;

	Decision(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

}
