package be.permitarchive.georef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The addresses of the reference data, grouped by municipality and street, with the old street names
 * ({@link StreetAlias}) that documents may still use.
 */
public final class AddressRegister {

	private final List<Address> addresses;

	private final Map<String, List<Street>> streetsByNis = new LinkedHashMap<>();

	private final List<Street> allStreets = new ArrayList<>();

	private final Map<String, Street> streetsByKey = new HashMap<>();

	private final Map<String, Address> byId = new HashMap<>();

	public AddressRegister(Collection<Address> addresses, Collection<StreetAlias> aliases) {
		this.addresses = List.copyOf(addresses);
		for (Address address : this.addresses) {
			byId.putIfAbsent(address.id(), address);
			String canonical = StreetNames.canonical(address.street());
			Street street = streetsByKey.computeIfAbsent(address.nisCode() + "|" + canonical, key -> {
				Street created = new Street(address.street(), canonical, address.nisCode(), new HashMap<>(),
						new ArrayList<>(), new ArrayList<>());
				streetsByNis.computeIfAbsent(address.nisCode(), nis -> new ArrayList<>()).add(created);
				allStreets.add(created);
				return created;
			});
			if (address.postcode() != null && !street.postcodes().contains(address.postcode())) {
				street.postcodes().add(address.postcode());
			}
			street.byNumber()
				.computeIfAbsent(StreetNames.houseNumber(address.houseNumber()), n -> new ArrayList<>(1))
				.add(address);
		}
		for (StreetAlias alias : aliases) {
			Street street = streetsByKey.get(alias.nisCode() + "|" + StreetNames.canonical(alias.street()));
			if (street != null) {
				street.aliases().add(StreetNames.canonical(alias.alias()));
			}
		}
	}

	public AddressRegister(Collection<Address> addresses) {
		this(addresses, List.of());
	}

	public List<Address> addresses() {
		return addresses;
	}

	public int size() {
		return addresses.size();
	}

	/** The address with this id, if the register holds it. */
	public Optional<Address> byId(String id) {
		return Optional.ofNullable(id == null ? null : byId.get(id));
	}

	/** The streets of a municipality, or of all municipalities when {@code nisCode} is null. */
	List<Street> streets(String nisCode) {
		if (nisCode == null) {
			return Collections.unmodifiableList(allStreets);
		}
		return streetsByNis.getOrDefault(nisCode, List.of());
	}

	/** The streets whose canonical name is exactly {@code canonical}, in one municipality or (null) in all. */
	List<Street> exactly(String canonical, String nisCode) {
		if (nisCode != null) {
			Street street = streetsByKey.get(nisCode + "|" + canonical);
			return street == null ? List.of() : List.of(street);
		}
		List<Street> found = new ArrayList<>();
		for (String nis : streetsByNis.keySet()) {
			Street street = streetsByKey.get(nis + "|" + canonical);
			if (street != null) {
				found.add(street);
			}
		}
		return found;
	}

	/**
	 * A street of one municipality: its official name, its addresses by canonical house number
	 * ({@link StreetNames#houseNumber}), its postcodes and its other names.
	 */
	public record Street(String name, String canonical, String nisCode, Map<String, List<Address>> byNumber,
			List<String> postcodes, List<String> aliases) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Street street && street.canonical.equals(canonical)
					&& Objects.equals(street.nisCode, nisCode);
		}

		@Override
		public int hashCode() {
			return Objects.hash(canonical, nisCode);
		}

	}

}
