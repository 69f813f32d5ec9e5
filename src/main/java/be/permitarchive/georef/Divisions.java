package be.permitarchive.georef;

import be.permitarchive.dossier.Division;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The cadastral divisions of the reference data: resolves "2de afdeling" of a municipality to a division code. */
public final class Divisions {

	/** "2de afdeling", "1ste afd.", "2e afd", "afdeling 2", "3de afd" */
	private static final Pattern ORDINAL = Pattern.compile(
			"(?:\\b(\\d{1,2})\\s*(?:ste|de|e|ste\\.|de\\.)?\\s*afd(?:eling)?\\b)|(?:\\bafd(?:eling|\\.)?\\s*(\\d{1,2})\\b)",
			Pattern.CASE_INSENSITIVE);

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
	public Optional<Division> resolve(String municipalityNis, int ordinal) {
		return divisions.stream()
			.filter(d -> d.municipalityNis().equals(municipalityNis) && d.ordinal() == ordinal)
			.findFirst();
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
			return resolve(municipalityNis, ordinal);
		}
		List<Division> ofMunicipality = municipalityNis == null ? List.of() : ofMunicipality(municipalityNis);
		return ofMunicipality.size() == 1 ? Optional.of(ofMunicipality.get(0)) : Optional.empty();
	}

}
