package be.permitarchive.extract;

import be.permitarchive.dossier.CaPaKey;
import be.permitarchive.georef.AddressMatch;
import be.permitarchive.georef.AddressMatcher;
import be.permitarchive.georef.AddressRegister;
import be.permitarchive.georef.Gazetteer;
import be.permitarchive.georef.StreetNames;
import be.permitarchive.georef.WrittenAddress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A written site address ({@link AddressRule.Site}) looked up in the address register: the register's street by its
 * canonical or former name, and the written number on it ("138-140": the numbers of that side of the street the
 * register has); a street name close to the written one only when the address lies on the dossier's parcels; a
 * street the register does not know (renamed since the dossier) as the address with the written number whose point
 * lies on the dossier's parcels. What the register does not hold is kept as written, saying why.
 */
final class AddressResolver {

	/** How a written site address was found in the address register. */
	enum How {

		/** The register's street by its (canonical or former) name, and the number on it. */
		REGISTER("register", true, 1.0),
		/** A street name close to the written one, whose numbered address lies on the dossier's parcels. */
		CONFIRMED_BY_PARCELS("register-confirmed-by-parcels", true, 0.95),
		/** The written street is not in the register; the address with the written number on the parcels is. */
		VIA_PARCELS("renamed-street-via-parcels", true, 0.9),
		/** Without an address register: as written, unchecked. */
		WRITTEN("written", true, 1.0),
		/** Only a street name close to the written one; nothing confirms it. */
		FUZZY("register-similar-street", false, 0.8),
		/** Not in the register: kept as written. */
		UNRESOLVED("unresolved", false, 0.7);

		final String method;

		final boolean clean;

		final double factor;

		How(String method, boolean clean, double factor) {
			this.method = method;
			this.clean = clean;
			this.factor = factor;
		}

	}

	/** One register address (or the site as written) a site means, how it was found, and why it is in doubt. */
	record Reading(Extracted<Address> address, String siteId, How how, String note) {
	}

	/**
	 * An address point this close to the dossier's parcels lies on them: a metre for a point drawn on the boundary,
	 * far less than a lot's width, so that the neighbour's address does not pass.
	 */
	private static final double ON_PARCELS_METERS = 1;

	private final Gazetteer gazetteer;

	AddressResolver(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
	}

	/** The register addresses a written site means (one per number of "8 en 10", "138-140"), or it as written. */
	List<Reading> resolve(AddressRule.Site site, PageView view, String nis, List<CaPaKey> parcels) {
		String siteId = view.page.document() + "#" + view.page.pageIndex() + "@" + site.start();
		List<Reading> readings = new ArrayList<>();
		if (!gazetteer.knowsAddresses()) {
			for (String number : site.withoutNumber() ? Collections.<String>singletonList(null) : numbers(site)) {
				readings.add(reading(view, site, siteId, written(site, number), How.WRITTEN));
			}
			return readings;
		}
		if (site.withoutNumber()) {
			Optional<AddressMatcher.StreetMatch> street = gazetteer.street(site.street(), nis);
			if (street.isPresent()) {
				How how = street.get().similarity() >= AddressMatcher.ALIAS_SIMILARITY ? How.REGISTER
						: How.FUZZY;
				readings.add(reading(view, site, siteId, streetOnly(street.get().street(), site), how));
			}
			else {
				readings.add(reading(view, site, siteId, written(site, null), How.UNRESOLVED));
			}
			return readings;
		}
		if (site.range()) {
			Optional<AddressMatcher.StreetMatch> street = gazetteer.street(site.street(), nis);
			if (street.isPresent() && street.get().similarity() >= AddressMatcher.ALIAS_SIMILARITY) {
				int from = Integer.parseInt(StreetNames.numericPart(StreetNames.houseNumber(site.numbers().get(0))));
				int to = Integer.parseInt(StreetNames.numericPart(StreetNames.houseNumber(site.numbers().get(1))));
				List<be.permitarchive.georef.Address> between = gazetteer.numbersBetween(street.get().street(), from, to);
				if (!between.isEmpty()) {
					between.forEach(a -> readings.add(reading(view, site, siteId, official(a), How.REGISTER)));
					return readings;
				}
			}
		}
		for (String number : site.range() ? List.of(site.numbers().get(0), site.numbers().get(1)) : site.numbers()) {
			readings.add(resolveNumber(site, view, siteId, number, nis, parcels));
		}
		return readings;
	}

	private Reading resolveNumber(AddressRule.Site site, PageView view, String siteId, String number,
			String nis, List<CaPaKey> parcels) {
		String canonicalNumber = StreetNames.houseNumber(number);
		Optional<AddressMatcher.StreetMatch> street = gazetteer.street(site.street(), nis);
		if (street.isPresent()) {
			List<be.permitarchive.georef.Address> onStreet = street.get().street().byNumber().get(canonicalNumber);
			if (onStreet != null) {
				be.permitarchive.georef.Address address = withBox(onStreet, site.box());
				boolean exact = street.get().similarity() >= AddressMatcher.ALIAS_SIMILARITY;
				if (exact || onParcels(parcels, address)) {
					return reading(view, site, siteId, official(address),
							exact ? How.REGISTER : How.CONFIRMED_BY_PARCELS);
				}
				if (parcels.isEmpty()) {
					return reading(view, site, siteId, official(address), How.FUZZY);
				}
			}
		}
		Optional<AddressMatch> match = gazetteer.address(new WrittenAddress(site.street(), number, site.box(),
				site.postcode(), site.municipality()), nis);
		if (match.isPresent()) {
			be.permitarchive.georef.Address address = match.get().address();
			boolean sameStreet = street.isPresent() && street.get().similarity() >= AddressMatcher.ALIAS_SIMILARITY
					&& street.get().street().name().equals(address.street());
			if (sameStreet || onParcels(parcels, address)) {
				return reading(view, site, siteId, official(address),
						sameStreet ? How.REGISTER : How.CONFIRMED_BY_PARCELS);
			}
			if (parcels.isEmpty()) {
				return reading(view, site, siteId, official(address), How.FUZZY);
			}
		}
		if (!parcels.isEmpty()) {
			List<be.permitarchive.georef.Address> onParcels = gazetteer.on(parcels).stream()
				.filter(a -> StreetNames.houseNumber(a.houseNumber()).equals(canonicalNumber))
				.toList();
			Set<String> streets = new HashSet<>();
			onParcels.forEach(a -> streets.add(a.street()));
			if (streets.size() == 1) {
				return reading(view, site, siteId, official(withBox(onParcels, site.box())), How.VIA_PARCELS);
			}
		}
		Address written = street.isPresent() && street.get().similarity() >= AddressMatcher.ALIAS_SIMILARITY
				? new Address(street.get().street().name(), number, site.box(), postcode(street.get().street(), site),
						municipality(street.get().street(), site))
				: written(site, number);
		return reading(view, site, siteId, written, How.UNRESOLVED);
	}

	private boolean onParcels(List<CaPaKey> parcels, be.permitarchive.georef.Address address) {
		return !parcels.isEmpty() && gazetteer.distance(parcels, address) <= ON_PARCELS_METERS;
	}

	private static be.permitarchive.georef.Address withBox(List<be.permitarchive.georef.Address> sameNumber, String box) {
		if (box != null) {
			for (be.permitarchive.georef.Address address : sameNumber) {
				if (box.equalsIgnoreCase(address.boxNumber())) {
					return address;
				}
			}
		}
		for (be.permitarchive.georef.Address address : sameNumber) {
			if (address.boxNumber() == null || address.boxNumber().isBlank()) {
				return address;
			}
		}
		return sameNumber.get(0);
	}

	private static Address official(be.permitarchive.georef.Address a) {
		return new Address(a.street(), a.houseNumber(), a.boxNumber() == null || a.boxNumber().isBlank() ? null
				: a.boxNumber(), a.postcode(), a.municipality(), a.id());
	}

	private static Address streetOnly(AddressRegister.Street street, AddressRule.Site site) {
		return new Address(street.name(), null, null, postcode(street, site), municipality(street, site));
	}

	private static String postcode(AddressRegister.Street street, AddressRule.Site site) {
		if (site.postcode() != null && street.postcodes().contains(site.postcode())) {
			return site.postcode();
		}
		return street.postcodes().size() == 1 ? street.postcodes().get(0) : site.postcode();
	}

	private static String municipality(AddressRegister.Street street, AddressRule.Site site) {
		return street.byNumber().values().stream()
			.flatMap(List::stream)
			.map(be.permitarchive.georef.Address::municipality)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(site.municipality());
	}

	/** The site as written, its street's abbreviations written out. */
	private static Address written(AddressRule.Site site, String number) {
		return new Address(StreetNames.expand(site.street()), number == null ? null : StreetNames.houseNumber(number),
				number == null ? null : site.box(), site.postcode(), site.municipality());
	}

	/** The numbers of a site without a register to say which exist: a range is its numbers on that side. */
	private static List<String> numbers(AddressRule.Site site) {
		if (!site.range()) {
			return site.numbers();
		}
		int from = Integer.parseInt(StreetNames.numericPart(StreetNames.houseNumber(site.numbers().get(0))));
		int to = Integer.parseInt(StreetNames.numericPart(StreetNames.houseNumber(site.numbers().get(1))));
		List<String> numbers = new ArrayList<>();
		for (int n = from; n <= to; n += 2) {
			numbers.add(Integer.toString(n));
		}
		return numbers;
	}

	private static Reading reading(PageView view, AddressRule.Site site, String siteId, Address address,
			How how) {
		String note = switch (how) {
			case FUZZY -> "'" + site.written() + "': the register has no street '" + StreetNames.expand(site.street())
					+ "'; taken as " + address.street() + (address.houseNumber() == null ? "" : " " + address.houseNumber())
					+ " (a similar name; no parcel of the dossier confirms it)";
			case UNRESOLVED -> "'" + site.written() + "': " + (address.houseNumber() == null
					? "the register has no street '" + address.street() + "'"
					: "the register has no number " + address.houseNumber() + " in a street '" + address.street() + "'");
			default -> null;
		};
		return new Reading(view.candidate(address, site.rule() * how.factor, site.method() + ":" + how.method,
				site.start(), site.end()), siteId, how, note);
	}

}
