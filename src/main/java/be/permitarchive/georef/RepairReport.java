package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

import java.util.List;

/**
 * What building a parcel map changed or could not take: every feature of the source is either on the map or listed
 * here as rejected; repaired geometries are listed with what was wrong.
 */
public record RepairReport(List<Repair> repaired, List<Rejected> rejected) {

	public RepairReport {
		repaired = List.copyOf(repaired);
		rejected = List.copyOf(rejected);
	}

	public boolean clean() {
		return repaired.isEmpty() && rejected.isEmpty();
	}

	/** A geometry that was invalid and was repaired: {@code problem} is JTS's validation error. */
	public record Repair(String source, String capakey, String problem, String action) {
	}

	/** A feature that is not on the map, and why (no or invalid CaPaKey, no area left after repair). */
	public record Rejected(String source, String capakey, String reason) {
	}

}
