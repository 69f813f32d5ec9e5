package be.permitarchive.extract;

import be.permitarchive.dossier.CaPaKey;
import be.permitarchive.georef.Gazetteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Where the dossier lies: its parcels and site addresses, read on every page and decided with the municipality's
 * reference data as a dictionary ({@link Gazetteer}). In order: the site addresses whose street the register knows
 * (their points choose between parcels an OCR slip allows); the parcels ({@link ParcelRule}), combined across pages;
 * then every site address again, now with the parcels, so that a street renamed since the dossier is found as the
 * address with the written number whose point lies on the dossier's parcels. An address is registered as the
 * register gives it, the written form being its evidence. What could not be resolved, or only by a guess, becomes a
 * review reason; a clean resolution does not.
 */
final class PlaceReader {

	/** The parcels and site addresses of a dossier, the disagreements between pages, and what needs a person. */
	record Places(List<Extracted<Parcel>> parcels, List<Extracted<Address>> addresses, List<Conflict> conflicts,
			List<ReviewReason> review) {
	}

	/** "GEMEENTE RODEVELD", "Gemeentebestuur Zandhoveke": a letterhead names the municipality that wrote the page. */
	private static final Pattern LETTERHEAD = Pattern.compile("(?m)^[^\\p{L}]{0,3}(?:gemeente(?:bestuur)?|stad|gemeente\\s+en"
			+ "\\s+ocmw)\\s+(?<place>\\p{L}[\\p{L}'-]+)\\s*$", Pattern.CASE_INSENSITIVE);

	/** Letterheads stand in a page's first lines. */
	private static final int LETTERHEAD_LINES = 6;

	private static final double RIVAL_STREETS = 0.85;

	private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

	private final Gazetteer gazetteer;

	PlaceReader(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
	}

	Places read(List<PageView> views, String municipalityNis) {
		String nis = gazetteer.municipality(municipalityNis);
		List<Conflict> conflicts = new ArrayList<>();
		List<ReviewReason> review = new ArrayList<>();
		AddressRule addressRule = new AddressRule(knownPlaces());
		Map<AddressRule.Site, PageView> sites = new LinkedHashMap<>();
		for (PageView view : views) {
			addressRule.sites(view).forEach(site -> sites.put(site, view));
		}

		AddressResolver resolver = new AddressResolver(gazetteer);
		List<be.permitarchive.georef.Address> nearby = new ArrayList<>();
		sites.forEach((site, view) -> resolver.resolve(site, view, nis, List.of()).stream()
			.filter(r -> r.how() == AddressResolver.How.REGISTER && r.address().value().addressId() != null)
			.forEach(r -> gazetteer.addressById(r.address().value().addressId()).ifPresent(nearby::add)));

		List<String> hints = placeHints(views, sites.keySet());
		ParcelRule parcelRule = new ParcelRule(gazetteer, nis, hints, nearby);
		List<ParcelRule.Reading> parcelReadings = new ArrayList<>();
		views.forEach(v -> parcelReadings.addAll(parcelRule.readings(v)));
		List<Extracted<Parcel>> parcels = parcels(parcelReadings, conflicts, review);

		// the parcels that may confirm an address: those resolved cleanly (a guessed parcel confirms nothing)
		List<CaPaKey> keys = parcels.stream()
			.filter(p -> p.value().doubt() == null)
			.map(p -> p.value().capakey())
			.filter(Objects::nonNull)
			.map(CaPaKey::parse)
			.toList();
		List<AddressResolver.Reading> addressReadings = new ArrayList<>();
		sites.forEach((site, view) -> addressReadings.addAll(resolver.resolve(site, view, nis, keys)));
		List<Extracted<Address>> addresses = addresses(addressReadings, conflicts, review);

		if (addresses.isEmpty() && parcels.stream().noneMatch(p -> p.value().capakey() != null)) {
			review.add(ReviewReason.MISSING_LOCATION);
		}
		return new Places(parcels, addresses, conflicts, review);
	}

	private List<String> knownPlaces() {
		List<String> places = new ArrayList<>(gazetteer.divisions().placeNames());
		gazetteer.municipalities().stream().filter(m -> !places.contains(m)).forEach(places::add);
		return places;
	}

	/** The places the dossier names itself: its letterheads and its site addresses' municipalities. */
	private static List<String> placeHints(List<PageView> views, Set<AddressRule.Site> sites) {
		Set<String> hints = new LinkedHashSet<>();
		for (PageView view : views) {
			String head = String.join("\n", view.page.text().lines().limit(LETTERHEAD_LINES).toList());
			Matcher m = LETTERHEAD.matcher(head);
			while (m.find()) {
				hints.add(m.group("place"));
			}
		}
		sites.stream().map(AddressRule.Site::municipality).filter(Objects::nonNull).forEach(hints::add);
		return new ArrayList<>(hints);
	}

	// ---------------------------------------------------------------------------------------------- parcels

	private List<Extracted<Parcel>> parcels(List<ParcelRule.Reading> readings, List<Conflict> conflicts,
			List<ReviewReason> review) {
		// parcels named in one phrase are companions, not rival readings of each other
		Set<String> together = new HashSet<>();
		for (ParcelRule.Reading a : readings) {
			for (ParcelRule.Reading b : readings) {
				if (a.phraseId().equals(b.phraseId())) {
					together.add(key(a.parcel().value()) + "|" + key(b.parcel().value()));
				}
			}
		}
		ListConsensus<Parcel> consensus = new ListConsensus<>("parcels", PlaceReader::key,
				(a, b) -> !together.contains(key(a) + "|" + key(b)) && Objects.equals(plot(a), plot(b)));
		consensus.addAll(readings.stream().map(ParcelRule.Reading::parcel).toList());
		List<Extracted<Parcel>> values = new ArrayList<>(consensus.values("parcels"));
		conflicts.addAll(consensus.conflicts());

		// with a map, a reading the consensus left out (read once, faintly) still names a parcel of the dossier: the map
		// vouches for it or it is flagged; unless it is a misreading of a kept one (the same plot and not named with it,
		// the same number in another division, or a piece of its number)
		if (gazetteer.knowsParcels()) {
			Set<String> kept = new HashSet<>();
			values.forEach(v -> kept.add(key(v.value())));
			List<Extracted<Parcel>> keptValues = List.copyOf(values);
			for (ParcelRule.Reading reading : readings) {
				String key = key(reading.parcel().value());
				boolean misreading = keptValues.stream()
					.map(v -> v.value().capakey())
					.filter(Objects::nonNull)
					.anyMatch(k -> (!together.contains(k + "|" + key) && Objects.equals(k.substring(0, 10),
							plot(reading.parcel().value()))) || reading.names(k)
							|| (reading.how() != Gazetteer.How.AS_READ && reading.pieceOf(k)));
				if (!misreading && kept.add(key)) {
					values.add(reading.parcel());
				}
			}
		}

		Set<String> cleanKeys = new HashSet<>();
		Map<String, String> notes = new HashMap<>();
		for (ParcelRule.Reading reading : readings) {
			String key = key(reading.parcel().value());
			if (reading.clean()) {
				cleanKeys.add(key);
			}
			else if (reading.note() != null) {
				notes.putIfAbsent(key, reading.note());
			}
		}
		List<Extracted<Parcel>> doubted = new ArrayList<>();
		for (Extracted<Parcel> value : values) {
			String key = key(value.value());
			Doubt doubt = null;
			if (value.value().capakey() == null) {
				// without reference data nothing can be resolved: the parcel stays as written, the location rests on
				// what else the dossier says (MISSING_LOCATION when nothing), as the georef step does
				if (gazetteer.knowsParcels()) {
					doubt = new Doubt(ReviewReason.PARCEL_UNRESOLVED, notes.getOrDefault(key, "no division could be told"));
				}
			}
			else if (!cleanKeys.contains(key)) {
				doubt = new Doubt(ReviewReason.PARCEL_GUESSED, notes.getOrDefault(key, "no reading is the parcel as written"));
			}
			if (doubt != null && !review.contains(doubt.reason())) {
				review.add(doubt.reason());
			}
			Doubt found = doubt;
			doubted.add(found == null ? value : value.map(p -> p.withDoubt(found)));
		}
		return doubted;
	}

	private static String key(Parcel parcel) {
		return parcel.capakey() != null ? parcel.capakey()
				: parcel.asWritten().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
	}

	private static String plot(Parcel parcel) {
		return parcel.capakey() == null ? null : parcel.capakey().substring(0, 10);
	}

	// -------------------------------------------------------------------------------------------- addresses

	private List<Extracted<Address>> addresses(List<AddressResolver.Reading> readings, List<Conflict> conflicts,
			List<ReviewReason> review) {
		Set<String> together = new HashSet<>();
		for (AddressResolver.Reading a : readings) {
			for (AddressResolver.Reading b : readings) {
				if (a.siteId().equals(b.siteId())) {
					together.add(key(a.address().value()) + "|" + key(b.address().value()));
				}
			}
		}
		ListConsensus<Address> consensus = new ListConsensus<>("addresses", PlaceReader::key,
				(a, b) -> !together.contains(key(a) + "|" + key(b)) && !subsumes(a, b) && !subsumes(b, a)
						&& SIMILARITY.apply(a.streetKey(), b.streetKey()) >= RIVAL_STREETS);
		consensus.addAll(readings.stream().map(AddressResolver.Reading::address).toList());
		List<Extracted<Address>> kept = new ArrayList<>(consensus.values("addresses"));
		conflicts.addAll(consensus.conflicts());
		if (gazetteer.knowsAddresses()) {
			// an address the register vouches for is the dossier's even when read once and faintly, unless it is a
			// misreading of a kept one (the same street, another number, not read with it)
			List<Extracted<Address>> consensual = List.copyOf(kept);
			for (AddressResolver.Reading reading : readings) {
				Address address = reading.address().value();
				boolean misreading = consensual.stream().anyMatch(k -> key(k.value()).equals(key(address))
						|| subsumes(k.value(), address) || subsumes(address, k.value())
						|| (!together.contains(key(k.value()) + "|" + key(address))
								&& k.value().streetKey().equals(address.streetKey())));
				if (reading.how().clean && !misreading && kept.stream().noneMatch(k -> key(k.value()).equals(key(address)))) {
					kept.add(reading.address());
				}
			}
			// what the register does not know is still a site the dossier names, unless it is a misreading of a kept
			// address (a similar street, or the same number under a garbled one): kept as written, for a person to look at
			readings.stream()
				.filter(r -> !r.how().clean)
				.sorted(java.util.Comparator.comparingDouble((AddressResolver.Reading r) -> r.address().confidence()).reversed())
				.forEach(r -> {
					Address address = r.address().value();
					boolean misreading = kept.stream().anyMatch(k -> key(k.value()).equals(key(address))
							|| SIMILARITY.apply(k.value().streetKey(), address.streetKey()) >= RIVAL_STREETS
							|| Objects.equals(k.value().houseNumber(), address.houseNumber()));
					if (!misreading) {
						kept.add(r.address());
					}
				});
		}
		// "8 en 10" is one reading: when its 8 is kept, so is its 10 (if the register knows it as well)
		Set<String> keptKeys = new HashSet<>();
		kept.forEach(k -> keptKeys.add(key(k.value())));
		for (AddressResolver.Reading reading : readings) {
			String key = key(reading.address().value());
			boolean companion = reading.how().clean && !keptKeys.contains(key) && readings.stream()
				.anyMatch(o -> o.siteId().equals(reading.siteId()) && keptKeys.contains(key(o.address().value())));
			if (companion) {
				kept.add(reading.address());
				keptKeys.add(key);
			}
		}

		// the street of "Bremstraat 2" is no second address; nor is "Beukenlaan 31" beside "Beukenlaan 31 bus 0.2"
		List<Extracted<Address>> values = new ArrayList<>();
		for (Extracted<Address> value : kept) {
			boolean subsumed = kept.stream().anyMatch(other -> other != value && subsumes(other.value(), value.value()));
			if (!subsumed) {
				values.add(complete(value, readings));
			}
		}

		Set<String> clean = new HashSet<>();
		Map<String, AddressResolver.Reading> doubtful = new HashMap<>();
		for (AddressResolver.Reading reading : readings) {
			String key = key(reading.address().value());
			if (reading.how().clean) {
				clean.add(key);
			}
			else {
				doubtful.merge(key, reading, (a, b) -> a.how() == AddressResolver.How.FUZZY ? a : b);
			}
		}
		List<Extracted<Address>> doubted = new ArrayList<>();
		for (Extracted<Address> value : values) {
			String key = key(value.value());
			AddressResolver.Reading reading = doubtful.get(key);
			Doubt doubt = clean.contains(key) || reading == null ? null
					: new Doubt(reading.how() == AddressResolver.How.FUZZY ? ReviewReason.ADDRESS_GUESSED
							: ReviewReason.ADDRESS_UNRESOLVED, reading.note());
			if (doubt != null && !review.contains(doubt.reason())) {
				review.add(doubt.reason());
			}
			doubted.add(doubt == null ? value : value.map(a -> a.withDoubt(doubt)));
		}
		return doubted;
	}

	/** A value read without postcode or municipality, completed from another reading of the same address. */
	private static Extracted<Address> complete(Extracted<Address> value, List<AddressResolver.Reading> readings) {
		Address a = value.value();
		if (a.postcode() != null && a.municipality() != null) {
			return value;
		}
		String postcode = a.postcode();
		String municipality = a.municipality();
		for (AddressResolver.Reading reading : readings) {
			Address other = reading.address().value();
			if (key(other).equals(key(a))) {
				postcode = postcode != null ? postcode : other.postcode();
				municipality = municipality != null ? municipality : other.municipality();
			}
		}
		Address completed = new Address(a.street(), a.houseNumber(), a.boxNumber(), postcode, municipality,
				a.addressId());
		return new Extracted<>(completed, value.confidence(), value.method(), value.evidence());
	}

	/** Whether {@code general} says less of the same address than {@code specific}: no number, or no box. */
	private static boolean subsumes(Address specific, Address general) {
		if (!specific.streetKey().equals(general.streetKey()) || specific.houseNumber() == null) {
			return false;
		}
		if (general.houseNumber() == null) {
			return true;
		}
		return general.boxNumber() == null && specific.boxNumber() != null
				&& specific.houseNumber().equalsIgnoreCase(general.houseNumber());
	}

	private static String key(Address address) {
		return address.addressId() != null ? "id:" + address.addressId() : address.key();
	}

}
