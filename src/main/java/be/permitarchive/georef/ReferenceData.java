package be.permitarchive.georef;

import java.util.List;

/** One loaded reference-data folder: the parcel map version, the divisions and the address register. */
public record ReferenceData(ParcelMap parcels, Divisions divisions, AddressRegister addresses,
		List<StreetAlias> streetAliases) {

	/** The reference data as the dictionary extraction reads a dossier with. */
	public Gazetteer gazetteer(MapHistory history) {
		return new Gazetteer(divisions, parcels, history, addresses);
	}

	public Georeferencer georeferencer(MapHistory history) {
		return new Georeferencer(parcels, divisions, new AddressMatcher(addresses), history,
				Georeferencer.DEFAULT_DISAGREE_METERS);
	}

}
