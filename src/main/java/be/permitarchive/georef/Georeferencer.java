package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Places a dossier on one version of the parcel map. Written parcels are read into CaPaKeys and looked up; a parcel
 * no longer on the map is followed through the {@link MapHistory}, else replaced by today's parcels with its radical
 * (flagged). Addresses are matched fuzzily and their points looked up in the map. The polygon is the union of the
 * parcels; when the documents name no parcel, the address parcels, then the manifest's, are used.
 */
public final class Georeferencer {

	/** Default: an address point further than this from the parcels disagrees with them (about a street apart). */
	public static final double DEFAULT_DISAGREE_METERS = 50;

	private final ParcelMap map;

	private final Divisions divisions;

	private final AddressMatcher addresses;

	private final MapHistory history;

	private final double disagreeMeters;

	public Georeferencer(ParcelMap map, Divisions divisions, AddressMatcher addresses, MapHistory history,
			double disagreeMeters) {
		this.map = map;
		this.divisions = divisions;
		this.addresses = addresses;
		this.history = history;
		this.disagreeMeters = disagreeMeters;
	}

	public Georeferencer(ParcelMap map, Divisions divisions, AddressMatcher addresses) {
		this(map, divisions, addresses, MapHistory.NONE, DEFAULT_DISAGREE_METERS);
	}

	public Georeference georeference(DossierPlaces dossier) {
		Set<Georeference.Flag> flags = EnumSet.noneOf(Georeference.Flag.class);
		List<String> reasons = new ArrayList<>();

		List<Georeference.ResolvedAddress> resolvedAddresses = new ArrayList<>();
		for (WrittenAddress written : dossier.addresses()) {
			if (written.addressId() == null && (written.houseNumber() == null || written.houseNumber().isBlank())) {
				// a street without number ("z.n."): extraction named the street; there is no point to look up
				resolvedAddresses.add(new Georeference.ResolvedAddress(written, null, null));
				continue;
			}
			Optional<AddressMatch> match = written.addressId() != null ? addresses.byId(written.addressId())
					: Optional.empty();
			if (match.isEmpty()) {
				match = addresses.match(written, dossier.municipalityNis());
			}
			if (match.isEmpty()) {
				flags.add(Georeference.Flag.ADDRESS_UNMATCHED);
				reasons.add("address '" + written + "' matches no register address with confidence >= "
						+ addresses.threshold());
				resolvedAddresses.add(new Georeference.ResolvedAddress(written, null, null));
				continue;
			}
			Address address = match.get().address();
			CaPaKey parcel = map.containing(address.x(), address.y()).map(Parcel::key).orElse(null);
			if (parcel == null) {
				reasons.add("address point of " + address + " lies on no parcel");
			}
			resolvedAddresses.add(new Georeference.ResolvedAddress(written, match.get(), parcel));
		}

		List<Georeference.ResolvedParcel> resolvedParcels = new ArrayList<>();
		Set<CaPaKey> parcelKeys = new LinkedHashSet<>();
		double parcelConfidence = 1.0;
		for (WrittenParcel written : dossier.parcels()) {
			List<CaPaKey> asRead;
			if (written.capakey() != null) {
				asRead = List.of(written.capakey());
			}
			else {
				ParcelPhrase.Keys phrase = ParcelPhrase.read(written.asWritten(), dossier.municipalityNis(), divisions);
				if (phrase.partOnly()) {
					flags.add(Georeference.Flag.PART_OF_PARCEL);
				}
				if (!phrase.readable()) {
					flags.add(Georeference.Flag.PARCEL_UNRESOLVED);
					reasons.add("parcel '" + written.asWritten() + "': " + phrase.problem());
					resolvedParcels.add(new Georeference.ResolvedParcel(written, List.of(), List.of(), "unreadable"));
					continue;
				}
				asRead = phrase.keys();
			}
			if (written.asWritten() != null && written.capakey() != null
					&& written.asWritten().toLowerCase(Locale.ROOT).matches(".*(\\(\\s*deel\\s*\\)|\\bpie\\b).*")) {
				flags.add(Georeference.Flag.PART_OF_PARCEL);
			}
			for (CaPaKey key : asRead) {
				Lookup lookup = lookUp(key, resolvedAddresses);
				parcelConfidence = Math.min(parcelConfidence, lookup.confidence());
				flags.addAll(lookup.flags());
				if (lookup.keys().isEmpty()) {
					reasons.add("parcel " + key + " ('" + written.asWritten() + "') is not on map " + map.version()
							+ ", has no successor in the map history and no parcel with radical " + key.radical()
							+ " in its section");
				}
				else if (!lookup.flags().isEmpty()) {
					reasons.add("parcel " + key + " is not on map " + map.version() + ": " + lookup.how());
				}
				parcelKeys.addAll(lookup.keys());
				resolvedParcels.add(new Georeference.ResolvedParcel(written, List.of(key), lookup.keys(), lookup.how()));
			}
		}

		if (!parcelKeys.isEmpty()) {
			Geometry geometry = map.union(parcelKeys).orElseThrow();
			double confidence = parcelConfidence * 0.95;
			for (Georeference.ResolvedAddress address : resolvedAddresses) {
				if (address.match() == null) {
					continue;
				}
				double distance = geometry.distance(ParcelMap.GEOMETRIES
					.createPoint(new Coordinate(address.match().address().x(), address.match().address().y())));
				if (distance > disagreeMeters) {
					flags.add(Georeference.Flag.PARCEL_ADDRESS_DISAGREE);
					reasons.add(String.format(Locale.ROOT, "address %s lies %.0f m from the parcels (more than %.0f m)",
							address.match().address(), distance, disagreeMeters));
					confidence *= 0.6;
				}
			}
			return new Georeference(dossier.dossierId(), map.version(), geometry, Georeference.Method.CAPAKEY,
					round(confidence), resolvedParcels, resolvedAddresses, flags, reasons);
		}

		List<CaPaKey> addressParcels = resolvedAddresses.stream()
			.filter(a -> a.parcel() != null)
			.map(Georeference.ResolvedAddress::parcel)
			.distinct()
			.toList();
		if (!addressParcels.isEmpty()) {
			double confidence = resolvedAddresses.stream()
				.filter(a -> a.parcel() != null)
				.mapToDouble(a -> a.match().confidence())
				.min()
				.orElse(0) * 0.85;
			return new Georeference(dossier.dossierId(), map.version(), map.union(addressParcels).orElseThrow(),
					Georeference.Method.ADDRESS, round(confidence), resolvedParcels, resolvedAddresses, flags, reasons);
		}

		List<CaPaKey> manifest = dossier.manifestParcels().stream().filter(map::contains).toList();
		if (!manifest.isEmpty()) {
			return new Georeference(dossier.dossierId(), map.version(), map.union(manifest).orElseThrow(),
					Georeference.Method.MANIFEST, 0.7, resolvedParcels, resolvedAddresses, flags, reasons);
		}

		if (dossier.parcels().isEmpty() && dossier.addresses().isEmpty()) {
			reasons.add("the documents name no parcel and no address");
		}
		return new Georeference(dossier.dossierId(), map.version(), null, Georeference.Method.NONE, 0,
				resolvedParcels, resolvedAddresses, flags, reasons);
	}

	private record Lookup(List<CaPaKey> keys, double confidence, Set<Georeference.Flag> flags, String how) {
	}

	private Lookup lookUp(CaPaKey key, List<Georeference.ResolvedAddress> resolvedAddresses) {
		if (map.contains(key)) {
			return new Lookup(List.of(key), 1.0, Set.of(), "on the map");
		}
		Set<CaPaKey> successors = history.successorsOn(key, map);
		if (!successors.isEmpty()) {
			return new Lookup(List.copyOf(successors), 0.9,
					Set.of(Georeference.Flag.PARCEL_NOT_ON_MAP, Georeference.Flag.RESOLVED_VIA_HISTORY),
					"followed through the map history to " + successors);
		}
		List<Parcel> family = map.byRadical(key.radicalKey());
		if (family.isEmpty()) {
			return new Lookup(List.of(), 0, Set.of(Georeference.Flag.PARCEL_NOT_ON_MAP,
					Georeference.Flag.PARCEL_UNRESOLVED), "not found");
		}
		Set<Georeference.Flag> flags = Set.of(Georeference.Flag.PARCEL_NOT_ON_MAP,
				Georeference.Flag.RESOLVED_VIA_RADICAL);
		// an address point inside one of the radical's parcels says which one
		for (Georeference.ResolvedAddress address : resolvedAddresses) {
			for (Parcel parcel : family) {
				if (parcel.key().equals(address.parcel())) {
					return new Lookup(List.of(parcel.key()), 0.75, flags,
							"radical " + key.radical() + ": the address point lies on " + parcel.key());
				}
			}
		}
		// parcels numbered after the written one were most likely cut from it (123C -> 123D, 123E)
		List<CaPaKey> later = family.stream()
			.map(Parcel::key)
			.filter(k -> laterThan(k, key))
			.sorted(Comparator.naturalOrder())
			.toList();
		List<CaPaKey> chosen = later.isEmpty() ? family.stream().map(Parcel::key).sorted().toList() : later;
		return new Lookup(chosen, 0.6, flags, "radical " + key.radical() + " in section " + key.section()
				+ (later.isEmpty() ? ": all its parcels " : ": the parcels numbered after it ") + chosen);
	}

	private static boolean laterThan(CaPaKey candidate, CaPaKey written) {
		if (candidate.bis() != written.bis()) {
			return candidate.bis() > written.bis();
		}
		if (candidate.exponent() != written.exponent()) {
			return candidate.exponent() != '_' && (written.exponent() == '_' || candidate.exponent() > written.exponent());
		}
		return candidate.power() > written.power();
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
