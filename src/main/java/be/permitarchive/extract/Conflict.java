package be.permitarchive.extract;

import java.util.List;

/**
 * Pages (or the manifest) that disagree about a field. All candidates are kept; the field's value is the best
 * supported one or empty, never a silent pick.
 */
public record Conflict(String field, List<Extracted<?>> candidates, String message) {

	public Conflict {
		candidates = List.copyOf(candidates);
	}

}
