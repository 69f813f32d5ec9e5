package be.permitarchive.validate.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import be.permitarchive.validate.Finding;
import be.permitarchive.validate.Rule;

/** The findings of one validation run (or of one dossier of it), in the order they were found. Not thread-safe. */
public final class Findings {

	private final List<Finding> list = new ArrayList<>();

	public void delivery(Rule rule, Object... args) {
		add(rule, null, null, null, null, args);
	}

	public void file(Rule rule, String dossier, String file, Object... args) {
		add(rule, dossier, file, null, null, args);
	}

	public void add(Rule rule, String dossier, String file, Integer page, byte[] thumbnail, Object... args) {
		this.list.add(new Finding(rule.code(), rule.severity(), dossier, file, page,
				Arrays.stream(args).map(String::valueOf).toList(), thumbnail));
	}

	public boolean any(String file) {
		return this.list.stream().anyMatch((f) -> file.equals(f.file()));
	}

	/** How many findings there are so far. */
	public int size() {
		return this.list.size();
	}

	/** Adds the other's findings, in their order, at {@code position} (0 to {@link #size()}). */
	public void insert(int position, Findings other) {
		this.list.addAll(position, other.list);
	}

	/** Adds the other's findings after these, in their order. */
	public void addAll(Findings other) {
		this.list.addAll(other.list);
	}

	public List<Finding> all() {
		return List.copyOf(this.list);
	}

}
