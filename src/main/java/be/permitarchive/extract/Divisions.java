package be.permitarchive.extract;

import be.permitarchive.dossier.Division;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** The reference list of cadastral divisions, and how a written division resolves to one. */
final class Divisions {

	private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

	private final List<Division> all;

	Divisions(List<Division> all) {
		this.all = List.copyOf(all);
	}

	/** The division numbered {@code ordinal} in the municipality, or null. */
	Division byOrdinal(String municipalityNis, int ordinal) {
		if (municipalityNis == null) {
			return null;
		}
		return all.stream().filter(d -> d.municipalityNis().equals(municipalityNis) && d.ordinal() == ordinal)
			.findFirst().orElse(null);
	}

	/** The division whose cadastre name the written name is (within an OCR error or two), or null. */
	Division byName(String written) {
		String w = normalise(written);
		Division best = null;
		double bestScore = 0.95;
		for (Division d : all) {
			double score = SIMILARITY.apply(normalise(d.name()), w);
			if (score >= bestScore && digits(d.name()).equals(digits(written))) {
				best = d;
				bestScore = score;
			}
		}
		return best;
	}

	/** The only division of the municipality, or null when it has none or several. */
	Division only(String municipalityNis) {
		List<Division> of = all.stream().filter(d -> d.municipalityNis().equals(municipalityNis)).toList();
		return of.size() == 1 ? of.get(0) : null;
	}

	/** Municipality names as the division names give them: "ZANDHOVEKE 2 AFD" -> "Zandhoveke". */
	List<String> municipalityNames() {
		List<String> names = new ArrayList<>();
		for (Division d : all) {
			String name = titleCase(d.name().replaceAll("\\s*\\d+\\s*AFD.*$", "").strip());
			if (!name.isEmpty() && !names.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

	private static String normalise(String name) {
		return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
	}

	private static String digits(String name) {
		return name.replaceAll("\\D", "");
	}

	static String titleCase(String upper) {
		StringBuilder out = new StringBuilder();
		boolean start = true;
		for (char c : upper.toLowerCase(Locale.ROOT).toCharArray()) {
			out.append(start ? Character.toUpperCase(c) : c);
			start = !Character.isLetter(c) && c != '\'';
		}
		return out.toString();
	}

}
