package be.permitarchive.samples;

/**
 * A minimal pretty-printing JSON writer with keys in call order. The ground truth needs a byte-stable layout that
 * does not depend on a mapper's property ordering or the platform's line separator.
 */
final class Json {

	private final StringBuilder out = new StringBuilder();

	private int depth;

	private boolean first = true;

	private boolean afterKey;

	Json open(char bracket) {
		separate();
		out.append(bracket);
		depth++;
		first = true;
		return this;
	}

	Json close(char bracket) {
		depth--;
		if (!first) {
			newline();
		}
		out.append(bracket);
		first = false;
		return this;
	}

	Json key(String name) {
		separate();
		out.append(quote(name)).append(": ");
		afterKey = true;
		return this;
	}

	Json field(String name, String value) {
		key(name);
		return raw(value == null ? "null" : quote(value));
	}

	/** A number or boolean, already formatted. */
	Json number(String name, String literal) {
		key(name);
		return raw(literal);
	}

	private Json raw(String literal) {
		separate();
		out.append(literal);
		return this;
	}

	private void separate() {
		if (afterKey) {
			afterKey = false;
			return;
		}
		if (!first) {
			out.append(',');
		}
		if (depth > 0) {
			newline();
		}
		first = false;
	}

	private void newline() {
		out.append('\n').append("  ".repeat(depth));
	}

	static String quote(String value) {
		StringBuilder s = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> s.append("\\\"");
				case '\\' -> s.append("\\\\");
				case '\n' -> s.append("\\n");
				case '\t' -> s.append("\\t");
				case '\r' -> s.append("\\r");
				default -> s.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		return s.append('"').toString();
	}

	@Override
	public String toString() {
		return out.toString();
	}

}
