package be.permitarchive.georef;

import be.permitarchive.dossier.Division;

import be.permitarchive.dossier.CaPaKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cadastral phrase in a document says: "2de afdeling, sectie B, nr. 123C", "1ste afd., sie A nrs 95/g en
 * 96/s", "ZANDHOVEKE 2 AFD, sectie B, perceel 88/02C", "... nr. 212B (deel)". Either {@link #keys()} holds the
 * parcels, or {@link #problem()} says what could not be read.
 *
 * @param keys the parcels named, in phrase order
 * @param partOnly "(deel)" or "pie": the dossier concerns part of the parcel
 * @param problem why no key could be built, or {@code null}
 */
public record ParcelPhrase(String phrase, List<CaPaKey> keys, boolean partOnly, String problem) {

	private static final Pattern SECTION = Pattern
		.compile("\\b(?:sectie|section|sect\\.?|sie\\.?|sectie:)\\s*([A-Za-z])\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern NUMBERS_START = Pattern
		.compile("\\b(?:nrs?\\.?|nummers?|percelen|perceel|perc\\.?|n°)\\s*", Pattern.CASE_INSENSITIVE);

	private static final Pattern NUMBER = Pattern
		.compile("(?<![0-9A-Za-z/])(\\d{1,4}(?:/\\d{1,2}(?![0-9]))?(?:/?[A-Za-z](?![A-Za-z]))?\\d{0,3})(?![0-9A-Za-z/])");

	private static final Pattern PART = Pattern.compile("\\(\\s*deel\\s*\\)|\\bpie\\b|\\bdeel van\\b",
			Pattern.CASE_INSENSITIVE);

	public ParcelPhrase {
		keys = List.copyOf(keys);
	}

	public boolean readable() {
		return problem == null;
	}

	/** Reads a phrase of a dossier of municipality {@code municipalityNis}. */
	public static ParcelPhrase read(String phrase, String municipalityNis, Divisions divisions) {
		boolean part = PART.matcher(phrase).find();
		Optional<Division> division = divisions.find(phrase, municipalityNis);
		if (division.isEmpty()) {
			return failed(phrase, part, "no cadastral division found (no code, name or 'Nde afdeling' of municipality "
					+ municipalityNis + " in divisions.csv)");
		}
		Matcher section = SECTION.matcher(phrase);
		if (!section.find()) {
			return failed(phrase, part, "no section letter found ('sectie B', 'sie B')");
		}
		String rest = phrase.substring(section.end());
		Matcher start = NUMBERS_START.matcher(rest);
		if (start.find()) {
			rest = rest.substring(start.end());
		}
		rest = PART.matcher(rest).replaceAll(" ");
		List<CaPaKey> keys = new ArrayList<>();
		Matcher number = NUMBER.matcher(rest);
		while (number.find()) {
			try {
				keys.add(CaPaKey.fromWritten(division.get().code(), Character.toUpperCase(section.group(1).charAt(0)),
						number.group(1)));
			}
			catch (IllegalArgumentException notANumber) {
				// a year or another figure in the phrase; the remaining numbers still count
			}
		}
		if (keys.isEmpty()) {
			return failed(phrase, part, "no parcel number found after the section");
		}
		return new ParcelPhrase(phrase, keys, part, null);
	}

	private static ParcelPhrase failed(String phrase, boolean part, String problem) {
		return new ParcelPhrase(phrase, List.of(), part, problem);
	}

}
