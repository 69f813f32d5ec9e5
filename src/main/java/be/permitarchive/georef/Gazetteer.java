package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;
import be.permitarchive.dossier.Division;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The municipality's reference data as a dictionary for reading a dossier: which divisions there are, which parcels
 * exist (on the loaded map or, split or merged since, in its history) and which addresses the address register
 * holds, with the parcel each address point lies on. A reading is checked against it, and between the readings an
 * OCR slip allows, the one that exists is taken when it is the only one. {@link #NONE} (or {@link #of(Divisions)},
 * divisions only) knows no parcels and no addresses: then every reading stays as written. Immutable apart from a
 * lazily built index of address points; safe to share between threads.
 */
public final class Gazetteer {

	public static final Gazetteer NONE = of(new Divisions(List.of()));

	/**
	 * Of several parcels an OCR slip allows, the one an address point of the dossier lies on is the one meant; a metre
	 * allows for a point drawn on the boundary, and is far less than a lot's width.
	 */
	static final double AT_ADDRESS_METERS = 1;

	private final Divisions divisions;

	private final ParcelMap map;

	private final MapHistory history;

	private final AddressRegister register;

	private final AddressMatcher matcher;

	/** The municipality names the address register uses. */
	private final List<String> municipalities;

	/** The municipalities (NIS codes) the divisions and the address register cover. */
	private final List<String> covered;

	private volatile Map<CaPaKey, List<Address>> addressesByParcel;

	public Gazetteer(Divisions divisions, ParcelMap map, MapHistory history, AddressRegister register) {
		this.divisions = divisions;
		this.map = map;
		this.history = history == null ? MapHistory.NONE : history;
		this.register = register;
		this.matcher = register == null ? null : new AddressMatcher(register);
		List<Address> addresses = register == null ? List.of() : register.addresses();
		this.municipalities = addresses.stream()
			.map(Address::municipality)
			.filter(m -> m != null && !m.isBlank())
			.distinct()
			.toList();
		Set<String> nis = new LinkedHashSet<>();
		divisions.all().forEach(d -> nis.add(d.municipalityNis()));
		addresses.stream().map(Address::nisCode).filter(n -> n != null && !n.isBlank()).forEach(nis::add);
		this.covered = List.copyOf(nis);
	}

	/** Divisions only: parcels are built as written and never checked. */
	public static Gazetteer of(Divisions divisions) {
		return new Gazetteer(divisions, null, MapHistory.NONE, null);
	}

	public Divisions divisions() {
		return divisions;
	}

	/**
	 * The municipality a dossier of municipality {@code nis} is looked up in: {@code nis} when the reference data knows
	 * it; else (a code it does not know, such as a municipality's before a merger) the one municipality the reference
	 * data covers, or null (all of them) when it covers several.
	 */
	public String municipality(String nis) {
		if (nis != null && covered.contains(nis)) {
			return nis;
		}
		return covered.size() == 1 ? covered.get(0) : null;
	}

	/** Whether there is a parcel map to check readings against. */
	public boolean knowsParcels() {
		return map != null && map.size() > 0;
	}

	/** Whether there is an address register to check readings against. */
	public boolean knowsAddresses() {
		return register != null && register.size() > 0;
	}

	/** Whether the parcel is on the loaded map, or was on an earlier one (split or merged since). */
	public boolean exists(CaPaKey key) {
		return knowsParcels() && (map.contains(key) || history.knows(key));
	}

	/** How a parcel number written in a division and section was resolved against the map. */
	public enum How {

		/** The number as read is a parcel of the map (or of its history). */
		AS_READ(true),
		/** Without a map: the number as read, unchecked. */
		UNCHECKED(true),
		/** The only parcel of the section one OCR slip away from the reading. */
		OCR_SLIP(false),
		/** Several parcels are one slip away; the only one lying at an address of the dossier. */
		NEAR_ADDRESS(false),
		/** Several parcels are one slip away and nothing says which. */
		AMBIGUOUS(false),
		/** Neither the reading nor a slip of it is a parcel of the map. */
		NOT_FOUND(false),
		/** Not a parcel number at all. */
		NOT_A_NUMBER(false);

		private final boolean clean;

		How(boolean clean) {
			this.clean = clean;
		}

		/** Whether the parcel is as written, not a correction of it. */
		public boolean clean() {
			return clean;
		}

	}

	/**
	 * A resolved number: the parcel (null when none could be taken), how, and the candidates that were weighed.
	 */
	public record Resolution(CaPaKey key, How how, List<CaPaKey> candidates) {

		public Resolution {
			candidates = List.copyOf(candidates);
		}

	}

	/**
	 * Resolves a parcel number written in {@code division}, section {@code section}: the reading itself when it
	 * exists; else the one parcel one OCR slip away (first in the exponent, bis and power, where OCR errs most, with
	 * a dropped bis or exponent; then in the radical's digits); of several, the one at an address point in
	 * {@code nearby}. Never a key that exists nowhere.
	 */
	public Resolution resolve(Division division, char section, String written, Collection<Address> nearby) {
		Optional<String> reading = ParcelNumber.reading(written);
		CaPaKey asRead = reading.map(n -> CaPaKey.fromWritten(division.code(), section, n)).orElse(null);
		if (!knowsParcels()) {
			return new Resolution(asRead, asRead == null ? How.NOT_A_NUMBER : How.UNCHECKED, List.of());
		}
		if (asRead != null && exists(asRead)) {
			return new Resolution(asRead, How.AS_READ, List.of());
		}
		String base = reading.orElse(written);
		Set<CaPaKey> first = existing(division, section, ParcelNumber.letterSlips(base));
		if (asRead != null) {
			first.addAll(droppedParts(asRead));
		}
		List<Set<CaPaKey>> tiers = List.of(first, existing(division, section, ParcelNumber.radicalSlips(base)));
		for (Set<CaPaKey> tier : tiers) {
			if (tier.size() == 1) {
				return new Resolution(tier.iterator().next(), How.OCR_SLIP, List.copyOf(tier));
			}
			if (tier.size() > 1) {
				List<CaPaKey> near = tier.stream().filter(k -> nearAny(k, nearby)).toList();
				if (near.size() == 1) {
					return new Resolution(near.get(0), How.NEAR_ADDRESS, List.copyOf(tier));
				}
				return new Resolution(null, How.AMBIGUOUS, tier.stream().sorted().toList());
			}
		}
		return new Resolution(null, asRead == null ? How.NOT_A_NUMBER : How.NOT_FOUND, List.of());
	}

	/**
	 * The division of the municipality in which every one of the numbers, as read, is a parcel of section
	 * {@code section}, when exactly one division has them all (a dossier that writes no division).
	 */
	public Optional<Division> divisionHolding(List<String> written, char section, String municipalityNis) {
		if (!knowsParcels() || written.isEmpty()) {
			return Optional.empty();
		}
		List<Division> candidates = municipalityNis == null ? divisions.all() : divisions.ofMunicipality(municipalityNis);
		List<Division> holding = new ArrayList<>();
		for (Division division : candidates) {
			boolean all = true;
			for (String number : written) {
				Optional<String> reading = ParcelNumber.reading(number);
				all &= reading.isPresent() && exists(CaPaKey.fromWritten(division.code(), section, reading.get()));
			}
			if (all) {
				holding.add(division);
			}
		}
		return holding.size() == 1 ? Optional.of(holding.get(0)) : Optional.empty();
	}

	/** The register address a written address means, if one is found with enough confidence. */
	public Optional<AddressMatch> address(WrittenAddress written, String municipalityNis) {
		return matcher == null ? Optional.empty() : matcher.match(written, municipalityNis);
	}

	/** The register street a written street name means, without a house number to confirm it. */
	public Optional<AddressMatcher.StreetMatch> street(String written, String municipalityNis) {
		return matcher == null ? Optional.empty() : matcher.street(written, municipalityNis);
	}

	/** The register address with this id. */
	public Optional<Address> addressById(String id) {
		return register == null ? Optional.empty() : register.byId(id);
	}

	/** The municipality names the address register uses ("Oosterlinde"). */
	public List<String> municipalities() {
		return municipalities;
	}

	/** The addresses of a street numbered from {@code from} to {@code to} on the side of {@code from} (its parity). */
	public List<Address> numbersBetween(AddressRegister.Street street, int from, int to) {
		List<Address> found = new ArrayList<>();
		for (Map.Entry<String, List<Address>> entry : street.byNumber().entrySet()) {
			String numeric = StreetNames.numericPart(entry.getKey());
			if (numeric.isEmpty() || !numeric.equals(entry.getKey())) {
				continue; // "24A" is not one of the numbers of "22-26"
			}
			int n = Integer.parseInt(numeric);
			if (n >= from && n <= to && n % 2 == from % 2) {
				entry.getValue().stream().filter(a -> a.boxNumber() == null || a.boxNumber().isBlank())
					.findFirst()
					.or(() -> entry.getValue().stream().findFirst())
					.ifPresent(found::add);
			}
		}
		found.sort(Comparator.comparingInt(a -> Integer.parseInt(StreetNames.numericPart(
				StreetNames.houseNumber(a.houseNumber())))));
		return found;
	}

	/** The register addresses whose point lies on one of the parcels. */
	public List<Address> on(Collection<CaPaKey> parcels) {
		if (!knowsParcels() || !knowsAddresses()) {
			return List.of();
		}
		Map<CaPaKey, List<Address>> index = addressesByParcel();
		Set<Address> found = new LinkedHashSet<>();
		for (CaPaKey parcel : parcels) {
			found.addAll(index.getOrDefault(parcel, List.of()));
		}
		return List.copyOf(found);
	}

	/** The distance in metres from the parcels to the address point; infinite when no parcel is on the map. */
	public double distance(Collection<CaPaKey> parcels, Address address) {
		if (!knowsParcels()) {
			return Double.POSITIVE_INFINITY;
		}
		Optional<Geometry> union = map.union(parcels);
		return union.map(g -> g.distance(ParcelMap.GEOMETRIES.createPoint(new Coordinate(address.x(), address.y()))))
			.orElse(Double.POSITIVE_INFINITY);
	}

	private boolean nearAny(CaPaKey key, Collection<Address> nearby) {
		return nearby.stream().anyMatch(a -> distance(List.of(key), a) <= AT_ADDRESS_METERS);
	}

	private Set<CaPaKey> existing(Division division, char section, List<String> numbers) {
		Set<CaPaKey> found = new LinkedHashSet<>();
		for (String number : numbers) {
			CaPaKey key = CaPaKey.fromWritten(division.code(), section, number);
			if (exists(key)) {
				found.add(key);
			}
		}
		return found;
	}

	/** Parcels of the reading's radical that have every part the reading has, and one more: a dropped bis or letter. */
	private List<CaPaKey> droppedParts(CaPaKey read) {
		Set<CaPaKey> family = new LinkedHashSet<>();
		map.byRadical(read.radicalKey()).forEach(p -> family.add(p.key()));
		family.addAll(history.formerWithRadical(read.radicalKey()));
		return family.stream()
			.filter(k -> !k.equals(read))
			.filter(k -> (read.bis() == 0 || read.bis() == k.bis()) && (read.exponent() == '_' || read.exponent() == k.exponent())
					&& (read.power() == 0 || read.power() == k.power()))
			.toList();
	}

	private Map<CaPaKey, List<Address>> addressesByParcel() {
		Map<CaPaKey, List<Address>> index = addressesByParcel;
		if (index == null) {
			index = new HashMap<>();
			for (Address address : register.addresses()) {
				Optional<Parcel> parcel = map.containing(address.x(), address.y());
				if (parcel.isPresent()) {
					index.computeIfAbsent(parcel.get().key(), k -> new ArrayList<>()).add(address);
				}
			}
			addressesByParcel = index;
		}
		return index;
	}

}
