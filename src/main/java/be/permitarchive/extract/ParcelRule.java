package be.permitarchive.extract;

import be.permitarchive.dossier.CaPaKey;
import be.permitarchive.dossier.Division;
import be.permitarchive.georef.Address;
import be.permitarchive.georef.Gazetteer;
import be.permitarchive.georef.ParcelNumber;
import be.permitarchive.georef.ParcelPhrase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cadastral parcels: every written reference ({@link ParcelPhrase}) becomes one parcel per number. Its division is
 * the one the phrase writes (an ordinal within the dossier's municipality, a name, a code, a former municipality
 * "te Rodeveld"); where it writes none, the municipality's only division, else the former municipality the dossier
 * itself names (its letterhead "GEMEENTE X", its site "..., X"), else the one division in which all the phrase's
 * numbers exist on the map. Each number is then checked against the map ({@link Gazetteer#resolve}): the parcel as
 * read, or the one parcel an OCR slip allows, or none: a parcel that exists nowhere keeps its written form and no
 * CaPaKey. The phrase as written is kept with every parcel.
 */
final class ParcelRule {

	/** How sure a rule is of a parcel, by how its division and number were found. */
	private static final double WRITTEN_DIVISION = 0.95;

	private static final double NAMED_PLACE = 0.9;

	private static final double DIVISION_FROM_MAP = 0.85;

	private static final double OCR_SLIP = 0.8;

	private static final double NOT_ON_MAP = 0.6;

	private static final double NO_DIVISION = 0.5;

	private final Gazetteer gazetteer;

	private final String municipalityNis;

	private final List<String> placeHints;

	private final List<Address> nearby;

	/**
	 * @param placeHints place names the dossier gives itself (letterhead, site address): a former municipality
	 * among them is the division of a phrase that writes none
	 * @param nearby register addresses the dossier's site addresses already resolved to: between parcels an OCR slip
	 * allows, the one at such an address
	 */
	ParcelRule(Gazetteer gazetteer, String municipalityNis, List<String> placeHints, List<Address> nearby) {
		this.gazetteer = gazetteer;
		this.municipalityNis = municipalityNis;
		this.placeHints = List.copyOf(placeHints);
		this.nearby = List.copyOf(nearby);
	}

	/**
	 * A parcel read from a page; {@code phraseId} names its phrase (parcels named together are companions, not
	 * rival readings), {@code how} says how the map resolved it (null when its division is unknown).
	 */
	record Reading(Extracted<Parcel> parcel, String phraseId, Gazetteer.How how, boolean divisionGuessed, String note,
			char section, String number) {

		/**
		 * Whether this reading names {@code capakey}'s section and number, whatever its division: "11ste afdeling,
		 * sectie D, nr. 212B" (an OCR slip in the ordinal) names the 212B another page reads in the first division.
		 */
		/**
		 * Whether this reading's digits are a piece of {@code capakey}'s number in its section: "10.5a", read as
		 * "10" and "5a", is 105A broken by a stray full stop.
		 */
		boolean pieceOf(String capakey) {
			String digits = number.replaceAll("\\D", "");
			String radical = Integer.toString(Integer.parseInt(capakey.substring(6, 10)));
			return capakey.charAt(5) == section && !digits.isEmpty() && digits.length() < radical.length()
					&& radical.contains(digits);
		}

		boolean names(String capakey) {
			Optional<String> reading = ParcelNumber.reading(number);
			return reading.isPresent() && capakey.substring(5).equals(CaPaKey.fromWritten(capakey.substring(0, 5),
					section, reading.get()).toString().substring(5));
		}


		/**
		 * Whether this reading is the parcel as written (or, without a map, unchecked), in a division the dossier
		 * says or that several numbers agree on.
		 */
		boolean clean() {
			return how != null && how.clean() && !divisionGuessed;
		}

	}

	/**
	 * A division, how it was found, and whether that is a guess (one number that exists in only that division);
	 * {@code division} null, with {@code note} saying why, when none could be told.
	 */
	private record Found(Division division, String method, double rule, boolean guess, String note) {

		Found(Division division, String method, double rule, boolean guess) {
			this(division, method, rule, guess, null);
		}

	}

	List<Reading> readings(PageView view) {
		List<Reading> readings = new ArrayList<>();
		for (ParcelPhrase phrase : ParcelPhrase.find(view.flat)) {
			String asWritten = Labels.collapse(view.page.text().substring(phrase.start(), phrase.end()));
			String phraseId = view.page.document() + "#" + view.page.pageIndex() + "@" + phrase.start();
			for (ParcelPhrase.Section section : phrase.sections()) {
				Found found = division(phrase, section);
				for (ParcelPhrase.Number number : section.numbers()) {
					Reading reading = reading(view, phrase, section, number, found, asWritten, phraseId);
					if (reading != null) {
						readings.add(reading);
					}
				}
			}
		}
		return readings;
	}

	private Reading reading(PageView view, ParcelPhrase phrase, ParcelPhrase.Section section,
			ParcelPhrase.Number number, Found found, String asWritten, String phraseId) {
		if (found.division() == null) {
			if (ParcelNumber.reading(number.written()).isEmpty()) {
				return null;
			}
			Parcel parcel = new Parcel(null, asWritten, number.part());
			return new Reading(view.candidate(parcel, NO_DIVISION, "phrase:unresolved-division", phrase.start(),
					phrase.end()), phraseId, null, false, found.note(), section.letter(), number.written());
		}
		Division division = found.division();
		Gazetteer.Resolution resolution = gazetteer.resolve(division, section.letter(), number.written(), nearby);
		CaPaKey key = resolution.key();
		String where = "division " + division.code() + " (" + division.name() + ") section " + section.letter();
		double rule;
		String method;
		String note = null;
		switch (resolution.how()) {
			case AS_READ, UNCHECKED -> {
				rule = found.rule();
				method = found.method();
				if (found.guess()) {
					note = "the phrase names no division; " + key + " is the only parcel numbered " + number.written()
							+ " in section " + section.letter() + " of the municipality's divisions";
				}
			}
			case OCR_SLIP, NEAR_ADDRESS -> {
				rule = OCR_SLIP;
				method = "phrase:ocr-slip";
				note = "read '" + number.written() + "', which is no parcel of " + where + "; " + key
						+ (resolution.how() == Gazetteer.How.OCR_SLIP ? " is the only parcel one OCR slip from it"
								: " is the one at the site address of the parcels one OCR slip from it "
										+ resolution.candidates());
			}
			case AMBIGUOUS -> {
				rule = NOT_ON_MAP;
				method = "phrase:ambiguous";
				note = "read '" + number.written() + "', which is no parcel of " + where
						+ "; several parcels are one OCR slip from it " + resolution.candidates();
			}
			case NOT_FOUND -> {
				rule = NOT_ON_MAP;
				method = "phrase:not-on-map";
				note = "read '" + number.written() + "': neither it nor a reading one OCR slip from it is a parcel of "
						+ where + " on the map";
			}
			default -> {
				return null; // not a parcel number after all
			}
		}
		Parcel parcel = new Parcel(key == null ? null : key.toString(), asWritten, number.part());
		return new Reading(view.candidate(parcel, rule, method, phrase.start(), phrase.end()), phraseId,
				resolution.how(), found.guess(), note, section.letter(), number.written());
	}

	private Found division(ParcelPhrase phrase, ParcelPhrase.Section section) {
		ParcelPhrase.WrittenDivision written = phrase.division();
		if (written.isWritten()) {
			Optional<Division> division = ParcelPhrase.resolveWritten(written, municipalityNis, gazetteer.divisions());
			if (division.isPresent()) {
				String how = written.code() != null ? "code" : written.name() != null ? "name"
						: written.ordinal() > 0 ? "ordinal" : "place";
				return new Found(division.get(), "phrase:division-" + how, written.place() != null ? NAMED_PLACE
						: WRITTEN_DIVISION, false);
			}
			if (written.place() == null) {
				// "3de afdeling" of a municipality with two: the reference data does not know it
				return new Found(null, null, 0, false, "the reference data has no division " + written(written)
						+ " in municipality " + municipalityNis);
			}
			// "te Oosterlinde": the municipality itself names no division; read on as if none were written
		}
		Optional<Division> only = gazetteer.divisions().only(municipalityNis);
		if (only.isPresent()) {
			return new Found(only.get(), "phrase:single-division", WRITTEN_DIVISION, false);
		}
		List<Division> hinted = placeHints.stream()
			.map(place -> gazetteer.divisions().byPlace(place, municipalityNis))
			.flatMap(Optional::stream)
			.distinct()
			.toList();
		if (hinted.size() == 1) {
			return new Found(hinted.get(0), "phrase:division-of-former-municipality", NAMED_PLACE, false);
		}
		List<String> numbers = section.numbers().stream().map(ParcelPhrase.Number::written).toList();
		return gazetteer.divisionHolding(numbers, section.letter(), municipalityNis)
			.map(d -> new Found(d, "phrase:division-from-map", DIVISION_FROM_MAP, numbers.size() < 2))
			.orElse(new Found(null, null, 0, false, "the phrase names no division, and municipality " + municipalityNis
					+ " has " + gazetteer.divisions().ofMunicipality(municipalityNis).size()
					+ " divisions; neither the dossier nor the map says which"));
	}

	private static String written(ParcelPhrase.WrittenDivision division) {
		return division.code() != null ? division.code() : division.name() != null ? "'" + division.name() + "'"
				: "number " + division.ordinal();
	}

}
