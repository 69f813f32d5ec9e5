package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which parcels replaced which, across the map versions loaded so far ({@link MapChange#history()}): a parcel a
 * document names that is no longer on the map is followed to its successors.
 */
public final class MapHistory {

	public static final MapHistory NONE = new MapHistory(Map.of());

	private final Map<CaPaKey, List<CaPaKey>> successors;

	public MapHistory(Map<CaPaKey, List<CaPaKey>> successors) {
		this.successors = Map.copyOf(successors);
	}

	/** This history followed by a later one. */
	public MapHistory then(MapHistory later) {
		Map<CaPaKey, List<CaPaKey>> merged = new HashMap<>(successors);
		later.successors.forEach((key, next) -> merged.merge(key, next, (a, b) -> {
			List<CaPaKey> both = new ArrayList<>(a);
			both.addAll(b);
			return List.copyOf(new LinkedHashSet<>(both));
		}));
		return new MapHistory(merged);
	}

	public boolean isEmpty() {
		return successors.isEmpty();
	}

	/** Whether {@code key} was a parcel of an earlier map version that has since been split, merged or renumbered. */
	public boolean knows(CaPaKey key) {
		return successors.containsKey(key);
	}

	/** The earlier parcels with this radical (in its division and section) that are no longer on the map. */
	public List<CaPaKey> formerWithRadical(CaPaKey.RadicalKey radical) {
		return successors.keySet().stream().filter(k -> k.radicalKey().equals(radical)).sorted().toList();
	}

	/** The parcels on {@code map} that {@code key} became, following splits and merges through all versions. */
	public Set<CaPaKey> successorsOn(CaPaKey key, ParcelMap map) {
		Set<CaPaKey> found = new LinkedHashSet<>();
		Set<CaPaKey> seen = new HashSet<>();
		Deque<CaPaKey> todo = new ArrayDeque<>(successors.getOrDefault(key, List.of()));
		while (!todo.isEmpty()) {
			CaPaKey next = todo.pop();
			if (!seen.add(next)) {
				continue;
			}
			if (map.contains(next)) {
				found.add(next);
			}
			else {
				todo.addAll(successors.getOrDefault(next, List.of()));
			}
		}
		return found;
	}

}
