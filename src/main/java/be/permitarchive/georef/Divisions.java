package be.permitarchive.georef;

import be.permitarchive.dossier.Division;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The cadastral divisions of the reference data, and how a document names one: by its code ("12432"), its cadastre
 * name ("ZANDHOVEKE 2 AFD"), its ordinal within the municipality ("2de afdeling") or the former municipality it
 * was before the 1977 mergers. The cadastre writes the latter into the name, "GENT 27 AFD/DRONGEN 1 AFD/" or
 * "OOSTERLINDE 3 AFD/RODEVELD/", so an old dossier that says "te Drongen" or prints "GEMEENTE DRONGEN" in its
 * letterhead names the division.
 */
public final class Divisions {

	/** "2de afdeling", "1ste afd.", "2e afd", "afdeling 2", "3de afd" */
	private static final Pattern ORDINAL = Pattern.compile(
			"(?:\\b(\\d{1,2})\\s*(?:ste|de|e|ste\\.|de\\.)?\\s*afd(?:eling)?\\b)|(?:\\bafd(?:eling|\\.)?\\s*(\\d{1,2})\\b)",
			Pattern.CASE_INSENSITIVE);

	/** The former municipality between the slashes of a division name, without its own "N AFD". */
	private static final Pattern FORMER = Pattern.compile("/\\s*([^/]*?)(?:\\s+\\d+\\s*AFD\\.?)?\\s*/");

	/** A name this close (Jaro-Winkler) to a division or place name is taken as an OCR reading of it. */
	private static final double NAME_SIMILARITY = 0.95;

	private static final double PLACE_SIMILARITY = 0.92;

	private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

	private final List<Division> divisions;

	private final Map<String, Division> byCode;

	public Divisions(List<Division> divisions) {
		this.divisions = List.copyOf(divisions);
		this.byCode = this.divisions.stream()
			.collect(Collectors.toMap(Division::code, Function.identity(), (a, b) -> a));
	}

	public List<Division> all() {
		return divisions;
	}

	public Optional<Division> byCode(String code) {
		return Optional.ofNullable(byCode.get(code));
	}

	public List<Division> ofMunicipality(String municipalityNis) {
		return divisions.stream().filter(d -> d.municipalityNis().equals(municipalityNis)).toList();
	}

	/** The {@code ordinal}th division of a municipality ("2de afdeling" of 31998 -> 31999). */
	public Optional<Division> byOrdinal(String municipalityNis, int ordinal) {
		if (municipalityNis == null) {
			return Optional.empty();
		}
		return divisions.stream()
			.filter(d -> d.municipalityNis().equals(municipalityNis) && d.ordinal() == ordinal)
			.findFirst();
	}

	/** The only division of the municipality, if it has exactly one. */
	public Optional<Division> only(String municipalityNis) {
		List<Division> of = municipalityNis == null ? List.of() : ofMunicipality(municipalityNis);
		return of.size() == 1 ? Optional.of(of.get(0)) : Optional.empty();
	}

	/** The division whose cadastre name the written name is, within an OCR error or two ("ZANDHOVEKE 2 AFD"). */
	public Optional<Division> byName(String written) {
		String w = letters(written);
		Division best = null;
		double bestScore = NAME_SIMILARITY;
		for (Division d : divisions) {
			double score = SIMILARITY.apply(letters(d.name()), w);
			if (score >= bestScore && digits(firstPart(d.name())).equals(digits(written))) {
				best = d;
				bestScore = score;
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * The division of the municipality that was the former municipality {@code place} ("Rodeveld" -> "OOSTERLINDE 3
	 * AFD/RODEVELD/"), or the municipality's only division when {@code place} is the municipality itself.
	 */
	public Optional<Division> byPlace(String place, String municipalityNis) {
		if (place == null || place.isBlank()) {
			return Optional.empty();
		}
		String p = letters(place);
		List<Division> matches = new ArrayList<>();
		for (Division d : divisions) {
			if (municipalityNis != null && !d.municipalityNis().equals(municipalityNis)) {
				continue;
			}
			String former = formerName(d);
			if (former != null && SIMILARITY.apply(letters(former), p) >= PLACE_SIMILARITY) {
				matches.add(d);
			}
		}
		return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
	}

	/** The former municipality a division was ("OOSTERLINDE 3 AFD/RODEVELD/" -> "Rodeveld"), or null. */
	public static String formerName(Division division) {
		Matcher m = FORMER.matcher(division.name());
		return m.find() && !m.group(1).isBlank() ? titleCase(m.group(1).strip()) : null;
	}

	/** The municipality a division belongs to, by name ("ZANDHOVEKE 2 AFD" -> "Zandhoveke"). */
	public static String municipalityName(Division division) {
		return titleCase(firstPart(division.name()).replaceAll("\\s*\\d+\\s*AFD.*$", "").strip());
	}

	/** Municipality names and former municipality names, as the division names give them, title case. */
	public List<String> placeNames() {
		List<String> names = new ArrayList<>();
		for (Division d : divisions) {
			for (String name : new String[] { municipalityName(d), formerName(d) }) {
				if (name != null && !name.isEmpty() && !names.contains(name)) {
					names.add(name);
				}
			}
		}
		return names;
	}

	/**
	 * The division a phrase names: a division code ("31999"), its name ("ZANDHOVEKE 2 AFD") or an ordinal ("2de
	 * afdeling", "1ste afd.") within the municipality. A municipality with only one division needs none of these.
	 */
	public Optional<Division> find(String phrase, String municipalityNis) {
		String upper = phrase.toUpperCase(Locale.ROOT);
		for (Division division : divisions) {
			if (upper.contains(division.code()) || (!division.name().isBlank()
					&& upper.contains(division.name().toUpperCase(Locale.ROOT)))) {
				return Optional.of(division);
			}
		}
		Matcher m = ORDINAL.matcher(phrase);
		if (m.find() && municipalityNis != null) {
			int ordinal = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
			return byOrdinal(municipalityNis, ordinal);
		}
		return only(municipalityNis);
	}

	private static String firstPart(String name) {
		int slash = name.indexOf('/');
		return slash < 0 ? name : name.substring(0, slash);
	}

	private static String letters(String name) {
		return Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
			.toUpperCase(Locale.ROOT)
			.replaceAll("[^A-Z0-9]", "");
	}

	private static String digits(String name) {
		return name.replaceAll("\\D", "");
	}

	/** "VAN RANSBEECK" -> "Van Ransbeeck", "D'HOLLANDER" -> "D'hollander". */
	public static String titleCase(String upper) {
		StringBuilder out = new StringBuilder();
		boolean start = true;
		for (char c : upper.toLowerCase(Locale.ROOT).toCharArray()) {
			out.append(start ? Character.toUpperCase(c) : c);
			start = !Character.isLetter(c) && c != '\'';
		}
		return out.toString();
	}

}
