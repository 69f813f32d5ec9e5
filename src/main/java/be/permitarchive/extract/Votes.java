package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Combines the readings of one field from several pages. Readings that agree reinforce each other; readings that
 * disagree are kept as a {@link Conflict}. The value is the reading with clearly the most support (at least twice
 * the support of the runner-up), otherwise the field stays empty: a wrong value is worse than a missing one.
 */
final class Votes<T> {

	private static final double DOMINANCE = 2.0;

	/**
	 * A runner-up with less than this share of the winner's weight is a stray reading (OCR noise, a value quoted once
	 * in passing), not a disagreement worth a person's time; it stays in the provenance.
	 */
	static final double REAL_RIVAL = 0.35;

	private final String field;

	private final Function<T, Object> key;

	private final Map<Object, List<Extracted<T>>> groups = new LinkedHashMap<>();

	/** Keys that are OCR variants of one another: the weaker group's readings support the stronger one. */
	private final BiPredicate<Object, Object> variants;

	Votes(String field, Function<T, Object> key, BiPredicate<Object, Object> variants) {
		this.field = field;
		this.key = key;
		this.variants = variants;
	}

	Votes(String field, Function<T, Object> key) {
		this(field, key, (a, b) -> false);
	}

	Votes(String field) {
		this(field, value -> value);
	}

	Votes<T> add(Extracted<T> reading) {
		if (reading != null && reading.isPresent()) {
			groups.computeIfAbsent(key.apply(reading.value()), k -> new ArrayList<>()).add(reading);
		}
		return this;
	}

	Votes<T> addAll(List<Extracted<T>> readings) {
		readings.forEach(this::add);
		return this;
	}

	boolean isEmpty() {
		return groups.isEmpty();
	}

	/** The readings per value, best supported first; each group's first element is its best reading. */
	List<List<Extracted<T>>> ranked() {
		List<Map.Entry<Object, List<Extracted<T>>>> entries = new ArrayList<>(groups.entrySet());
		entries.sort(Comparator.comparingDouble((Map.Entry<Object, List<Extracted<T>>> e) -> support(e.getValue()))
			.reversed());
		List<Object> keys = new ArrayList<>();
		List<List<Extracted<T>>> ranked = new ArrayList<>();
		for (Map.Entry<Object, List<Extracted<T>>> entry : entries) {
			int into = -1;
			for (int i = 0; i < keys.size() && into < 0; i++) {
				if (variants.test(keys.get(i), entry.getKey())) {
					into = i;
				}
			}
			if (into >= 0) {
				ranked.get(into).addAll(entry.getValue());
				continue;
			}
			keys.add(entry.getKey());
			ranked.add(new ArrayList<>(entry.getValue()));
		}
		for (List<Extracted<T>> group : ranked) {
			// the group's value is its best reading of the stronger key: merged variants only add support
			Object own = key.apply(group.get(0).value());
			group.sort(Comparator.comparing((Extracted<T> e) -> !key.apply(e.value()).equals(own))
				.thenComparing(Comparator.comparingDouble((Extracted<T> e) -> e.confidence()).reversed()));
		}
		ranked.sort(Comparator.comparingDouble((List<Extracted<T>> g) -> support(g)).reversed());
		return ranked;
	}

	/** Independent readings: 1 - product of (1 - confidence). */
	static <T> double support(List<Extracted<T>> group) {
		double doubt = 1;
		for (Extracted<T> reading : group) {
			doubt *= 1 - reading.confidence();
		}
		return 1 - doubt;
	}

	private static <T> double weight(List<Extracted<T>> group) {
		return group.stream().mapToDouble(Extracted::confidence).sum();
	}

	/** The winning reading, with the combined confidence, or a missing value. */
	Extracted<T> winner() {
		List<List<Extracted<T>>> ranked = ranked();
		if (ranked.isEmpty()) {
			return Extracted.missing("not-found");
		}
		List<Extracted<T>> best = ranked.get(0);
		double confidence = support(best);
		if (ranked.size() > 1) {
			double bestWeight = weight(best);
			double runnerUp = weight(ranked.get(1));
			if (bestWeight < DOMINANCE * runnerUp) {
				return new Extracted<>(null, Math.min(0.3, confidence * 0.3), "conflict", null);
			}
			confidence *= bestWeight / (bestWeight + runnerUp);
		}
		return best.get(0).withConfidence(confidence);
	}

	/** The conflict when the readings really disagree (a runner-up with {@link #REAL_RIVAL} of the weight), or null. */
	Conflict conflict() {
		List<List<Extracted<T>>> ranked = ranked();
		if (ranked.size() < 2 || weight(ranked.get(1)) < REAL_RIVAL * weight(ranked.get(0))) {
			return null;
		}
		List<Extracted<?>> candidates = new ArrayList<>();
		for (List<Extracted<T>> group : ranked) {
			candidates.addAll(group);
		}
		return new Conflict(field, candidates, ranked.size() + " different values of " + field + " in the dossier");
	}

}
