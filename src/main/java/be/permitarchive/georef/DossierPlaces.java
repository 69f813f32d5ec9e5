package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

import java.util.List;

/**
 * What a dossier says about where it lies, as extraction found it.
 * @param municipalityNis the dossier's municipality (from the delivery), to resolve "2de afdeling"
 * @param manifestParcels parcels named by the contractor's manifest, used only when the documents resolve nothing
 */
public record DossierPlaces(String dossierId, String municipalityNis, List<WrittenParcel> parcels,
		List<WrittenAddress> addresses, List<CaPaKey> manifestParcels) {

	public DossierPlaces {
		parcels = List.copyOf(parcels);
		addresses = List.copyOf(addresses);
		manifestParcels = List.copyOf(manifestParcels);
	}

	public DossierPlaces(String dossierId, String municipalityNis, List<WrittenParcel> parcels,
			List<WrittenAddress> addresses) {
		this(dossierId, municipalityNis, parcels, addresses, List.of());
	}

}
