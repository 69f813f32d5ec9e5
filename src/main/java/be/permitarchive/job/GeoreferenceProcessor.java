package be.permitarchive.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import be.permitarchive.dossier.Issue;
import be.permitarchive.georef.Georeference;
import be.permitarchive.georef.Georeferencer;
import be.permitarchive.register.internal.JdbcReferenceData;
import be.permitarchive.register.internal.JdbcRegister;
import org.locationtech.jts.io.WKBWriter;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Places a dossier on the latest parcel map: its written parcels and addresses through the {@link Georeferencer}
 * (built once per step from the register's reference data). Without reference data it does nothing: a dossier is
 * only flagged for a location that could have been found.
 */
class GeoreferenceProcessor implements ItemProcessor<Long, GeoreferenceProcessor.Result> {

	private final JdbcRegister register;

	private final JdbcReferenceData referenceData;

	private Georeferencer georeferencer;

	private long versionId = -1;

	GeoreferenceProcessor(JdbcRegister register, JdbcReferenceData referenceData) {
		this.register = register;
		this.referenceData = referenceData;
	}

	@Override
	public Result process(Long dossierId) {
		if (this.versionId < 0) {
			Optional<LatestReferenceData> latest = LatestReferenceData.load(this.referenceData);
			this.versionId = latest.map(LatestReferenceData::versionId).orElse(0L);
			this.georeferencer = latest.map((l) -> l.data().georeferencer(l.history())).orElse(null);
		}
		if (this.georeferencer == null) {
			return null; // no reference data loaded: nothing to place the dossier on
		}
		Georeference georeference = this.georeferencer.georeference(this.register.places(dossierId));
		byte[] wkb = (georeference.geometry() != null) ? new WKBWriter(2, true).write(georeference.geometry()) : null;
		List<String> addressIds = georeference.addresses().stream()
			.map((a) -> (a.match() != null) ? a.match().address().id() : null)
			.toList();
		List<Issue> issues = new ArrayList<>();
		if (georeference.needsReview()) {
			for (Georeference.Flag flag : georeference.flags()) {
				issues.add(new Issue("georef." + flag.name().toLowerCase(Locale.ROOT).replace('_', '-'),
						String.join("; ", georeference.reasons())));
			}
			if (georeference.method() == Georeference.Method.NONE) {
				issues.add(new Issue("georef.unresolved", georeference.reasons().isEmpty()
						? "no parcel or address of the dossier is on the map" : String.join("; ", georeference.reasons())));
			}
		}
		return new Result(dossierId, this.versionId, georeference, wkb, addressIds, issues);
	}

	/** Where one dossier lies, ready for the register. */
	record Result(long dossierId, long versionId, Georeference georeference, byte[] wkb, List<String> addressIds,
			List<Issue> issues) {
	}

}
