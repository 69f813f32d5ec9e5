package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Precision and recall per field. A single-valued field counts one extracted value (if any) and one expected value
 * (if any); a list field counts its items. Values are compared after {@link #normalise}: case and whitespace only.
 */
final class Scorecard {

	/** Counts of one field. */
	static final class Counts {

		int extracted;

		int expected;

		int correct;

		final List<String> errors = new ArrayList<>();

		double precision() {
			return extracted == 0 ? 1.0 : (double) correct / extracted;
		}

		double recall() {
			return expected == 0 ? 1.0 : (double) correct / expected;
		}

	}

	private final Map<String, Counts> fields = new LinkedHashMap<>();

	Counts field(String name) {
		return fields.computeIfAbsent(name, k -> new Counts());
	}

	void single(String field, String dossier, Object extracted, Object expected) {
		Counts c = field(field);
		String got = normalise(extracted);
		String want = normalise(expected);
		if (got != null) {
			c.extracted++;
		}
		if (want != null) {
			c.expected++;
		}
		if (got != null && got.equals(want)) {
			c.correct++;
		}
		else if (got != null || want != null) {
			c.errors.add(dossier + ": got " + got + ", expected " + want);
		}
	}

	void list(String field, String dossier, Collection<?> extracted, Collection<?> expected) {
		Counts c = field(field);
		Set<String> want = new HashSet<>();
		expected.forEach(e -> want.add(normalise(e)));
		Set<String> got = new HashSet<>();
		extracted.stream().map(Scorecard::normalise).filter(Objects::nonNull).forEach(got::add);
		c.extracted += got.size();
		c.expected += want.size();
		for (String g : got) {
			if (want.contains(g)) {
				c.correct++;
			}
			else {
				c.errors.add(dossier + ": wrong " + g + " (expected " + want + ")");
			}
		}
		for (String w : want) {
			if (!got.contains(w)) {
				c.errors.add(dossier + ": missed " + w);
			}
		}
	}

	static String normalise(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		return text.isEmpty() || text.equals("onbekend") ? null : text;
	}

	Map<String, Counts> fields() {
		return fields;
	}

}
