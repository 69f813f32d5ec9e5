package be.permitarchive.job;

import java.util.List;
import java.util.Optional;

import be.permitarchive.dossier.Division;
import be.permitarchive.georef.Gazetteer;
import be.permitarchive.georef.MapChange;
import be.permitarchive.georef.MapHistory;
import be.permitarchive.georef.ReferenceData;
import be.permitarchive.register.internal.JdbcReferenceData;

/**
 * The register's latest reference data in memory, with what became of the previous map version's parcels: the
 * dictionary extraction reads parcels and addresses with, and the map georeferencing places dossiers on. Loaded by a
 * step on its first item, so that a step with nothing to do loads nothing.
 * @param onlyMunicipality the municipality when the reference data covers only one (a municipal register's usual
 * case), so that "2de afdeling" resolves in a dossier whose manifest names none
 */
record LatestReferenceData(long versionId, ReferenceData data, MapHistory history, String onlyMunicipality) {

	/** The latest version, or empty when no reference data was ever loaded. */
	static Optional<LatestReferenceData> load(JdbcReferenceData referenceData) {
		return referenceData.latest().map((version) -> {
			ReferenceData latest = referenceData.referenceData(version.id());
			MapHistory history = referenceData.previous(version.id())
				.map((previous) -> MapChange.compare(referenceData.referenceData(previous.id()).parcels(),
						latest.parcels(), MapRealigner.TOLERANCE_METERS).history())
				.orElse(MapHistory.NONE);
			List<String> municipalities = latest.divisions().all().stream().map(Division::municipalityNis).distinct()
				.toList();
			return new LatestReferenceData(version.id(), latest, history,
					(municipalities.size() == 1) ? municipalities.get(0) : null);
		});
	}

	Gazetteer gazetteer() {
		return this.data.gazetteer(this.history);
	}

}
