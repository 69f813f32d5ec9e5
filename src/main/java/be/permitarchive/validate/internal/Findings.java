package be.permitarchive.validate.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import be.permitarchive.validate.Finding;
import be.permitarchive.validate.Rule;

/** The findings of one validation run, in the order they were found. Not thread-safe. */
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

	public List<Finding> all() {
		return List.copyOf(this.list);
	}

}
