package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Combines readings of a list field (applicants, addresses, parcels). A value is kept when it was read on two pages,
 * or once with high confidence; a value that is a rival of a better supported one (the same thing read differently:
 * a name one letter off, the same street with another number) is dropped and the disagreement kept as a conflict.
 */
final class ListConsensus<T> {

	/** One reading alone must be at least this sure to be kept. */
	static final double SINGLE_READING = 0.7;

	private final Votes<T> votes;

	private final BiPredicate<T, T> rivals;

	private final List<Conflict> conflicts = new ArrayList<>();

	ListConsensus(String field, Function<T, Object> key, BiPredicate<T, T> rivals) {
		this.votes = new Votes<>(field, key);
		this.rivals = rivals;
	}

	ListConsensus<T> addAll(List<Extracted<T>> readings) {
		votes.addAll(readings);
		return this;
	}

	/** The kept values, best supported first, each with its best evidence and combined confidence. */
	List<Extracted<T>> values(String field) {
		List<List<Extracted<T>>> kept = new ArrayList<>();
		for (List<Extracted<T>> group : votes.ranked()) {
			if (pages(group) < 2 && group.get(0).confidence() < SINGLE_READING) {
				continue;
			}
			List<Extracted<T>> rival = kept.stream()
				.filter(k -> rivals.test(k.get(0).value(), group.get(0).value()))
				.findFirst()
				.orElse(null);
			if (rival != null) {
				List<Extracted<?>> candidates = new ArrayList<>(rival);
				candidates.addAll(group);
				conflicts.add(new Conflict(field, candidates, "the pages read " + field + " differently"));
				continue;
			}
			kept.add(group);
		}
		List<Extracted<T>> values = new ArrayList<>();
		for (List<Extracted<T>> group : kept) {
			values.add(group.get(0).withConfidence(Votes.support(group)));
		}
		return values;
	}

	List<Conflict> conflicts() {
		return List.copyOf(conflicts);
	}

	private static <T> int pages(List<Extracted<T>> group) {
		Set<String> pages = new HashSet<>();
		for (Extracted<T> reading : group) {
			pages.add(reading.evidence().document() + "#" + reading.evidence().pageIndex());
		}
		return pages.size();
	}

}
