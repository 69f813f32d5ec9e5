package be.permitarchive.extract;

import java.util.function.Function;

/**
 * One extracted value with how sure the rules are, which rule found it and where.
 * @param value the value; null when nothing trustworthy was found
 * @param confidence 0..1; 0 for a missing value
 * @param method the rule, e.g. "label:Dossiernummer", "pattern:omv", "manifest"
 * @param evidence where it was read; null for a missing value
 */
public record Extracted<T>(T value, double confidence, String method, Evidence evidence) {

	public Extracted {
		if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
			throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
		}
		if (value == null && confidence > 0.5) {
			throw new IllegalArgumentException("a missing value cannot be confident");
		}
	}

	public static <T> Extracted<T> missing(String why) {
		return new Extracted<>(null, 0, why, null);
	}

	public boolean isPresent() {
		return value != null;
	}

	Extracted<T> withConfidence(double newConfidence) {
		return new Extracted<>(value, Math.max(0, Math.min(1, newConfidence)), method, evidence);
	}

	<R> Extracted<R> map(Function<T, R> mapper) {
		return new Extracted<>(value == null ? null : mapper.apply(value), confidence, method, evidence);
	}

}
