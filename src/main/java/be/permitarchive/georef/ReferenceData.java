package be.permitarchive.georef;

import java.util.List;

/** One loaded reference-data folder: the parcel map version, the divisions and the address register. */
public record ReferenceData(ParcelMap parcels, Divisions divisions, AddressRegister addresses,
		List<StreetAlias> streetAliases) {

	public Georeferencer georeferencer(MapHistory history) {
		return new Georeferencer(parcels, divisions, new AddressMatcher(addresses), history,
				Georeferencer.DEFAULT_DISAGREE_METERS);
	}

}
