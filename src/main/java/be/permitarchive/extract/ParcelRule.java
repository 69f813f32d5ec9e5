package be.permitarchive.extract;

import be.permitarchive.dossier.Division;

import be.permitarchive.dossier.CaPaKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Cadastral parcels: every written reference ({@link ParcelPhrase}) becomes one parcel per number, with a CaPaKey
 * when its division resolves: an ordinal ("2de afdeling") within the dossier's municipality, a cadastre name
 * ("ZANDHOVEKE 2 AFD"), or no division at all in a municipality that has only one. The phrase as written is kept.
 */
final class ParcelRule {

	private final Divisions divisions;

	private final String municipalityNis;

	ParcelRule(Divisions divisions, String municipalityNis) {
		this.divisions = divisions;
		this.municipalityNis = municipalityNis;
	}

	/** A parcel read from a page, and the other numbers of the same phrase (they are named together). */
	record Reading(Extracted<Parcel> parcel, String phraseId) {
	}

	List<Reading> readings(PageView view) {
		List<Reading> readings = new ArrayList<>();
		for (ParcelPhrase.Found found : ParcelPhrase.find(view.flat)) {
			String asWritten = Labels.collapse(view.page.text().substring(found.start(), found.end()));
			Division division = null;
			String method;
			double rule;
			if (found.divisionName() != null) {
				division = divisions.byName(found.divisionName());
				method = "phrase:division-name";
				rule = 0.95;
			}
			else if (found.ordinal() > 0) {
				division = divisions.byOrdinal(municipalityNis, found.ordinal());
				method = "phrase:division-ordinal";
				rule = 0.95;
			}
			else {
				division = municipalityNis == null ? null : divisions.only(municipalityNis);
				method = "phrase:single-division";
				rule = 0.8;
			}
			String phraseId = view.page.document() + "#" + view.page.pageIndex() + "@" + found.start();
			for (ParcelPhrase.Number number : found.numbers()) {
				CaPaKey key = (division == null) ? null : key(division, found.section(), number.text());
				if (division != null && key == null) {
					continue;
				}
				Parcel parcel = new Parcel(key == null ? null : key.toString(), asWritten, number.part());
				readings.add(new Reading(view.candidate(parcel, key == null ? 0.5 : rule,
						key == null ? "phrase:unresolved-division" : method, found.start(), found.end()), phraseId));
			}
		}
		return readings;
	}

	/** The key of a written number in a resolved division, or null when the number is not a parcel number. */
	private static CaPaKey key(Division division, char section, String written) {
		String number = written.replaceAll("\\s", "");
		if (!CaPaKey.isWrittenNumber(number)) {
			return null;
		}
		try {
			return CaPaKey.fromWritten(division.code(), section, number);
		}
		catch (IllegalArgumentException ex) {
			return null; // radical 0, or a power without exponent: not a parcel number after all
		}
	}

}
