package be.permitarchive.extract;

/**
 * Who applied. The name of a natural person is personal data (GDPR): the public register leaves it out.
 */
public record Applicant(String name, Kind kind) {

	public enum Kind {

		NATURAL_PERSON("natural-person"), LEGAL_ENTITY("legal-entity");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

	public boolean personalData() {
		return kind == Kind.NATURAL_PERSON;
	}

}
