package be.permitarchive.georef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Finds the register address an OCR'd address means. Street names are compared in canonical form
 * ({@link StreetNames}) with Jaro-Winkler similarity, also against old street names; the house number must match
 * (after folding OCR confusions such as "8g" for "89"). Below the threshold nothing is returned: a wrong address is
 * worse than none.
 */
public final class AddressMatcher {

	/** The similarity of a street found by one of its former names (the same name scores 1). */
	public static final double ALIAS_SIMILARITY = 0.99;

	/** Default confidence under which no match is returned. */
	public static final double DEFAULT_THRESHOLD = 0.88;

	private static final double MIN_STREET_SIMILARITY = 0.80;

	/**
	 * A street name alone, without a house number that exists on it, is taken only this close (Jaro-Winkler on the
	 * canonical forms): "Bremstraat" for "BrEemstraat", not "Schoolstraat" for "Statiestraat".
	 */
	private static final double STREET_ONLY_SIMILARITY = 0.93;

	/** Shorter canonical names are not matched at all: too many streets are two letters apart. */
	private static final int MIN_STREET_LETTERS = 4;

	/** Two candidate streets closer than this in confidence are ambiguous. */
	private static final double AMBIGUITY_MARGIN = 0.05;

	private final AddressRegister register;

	private final double threshold;

	private final JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();

	public AddressMatcher(AddressRegister register, double threshold) {
		this.register = register;
		this.threshold = threshold;
	}

	public AddressMatcher(AddressRegister register) {
		this(register, DEFAULT_THRESHOLD);
	}

	public double threshold() {
		return threshold;
	}

	/** A register street found for a written street name, and how alike the names are (1 for the same name). */
	public record StreetMatch(AddressRegister.Street street, double similarity) {
	}

	/**
	 * The register's street a written street name means, without a house number to confirm it (a subdivision "z.n.",
	 * a title block "Ligging: Bremstraat"): the same name in canonical form, an old name of it, or one name close
	 * enough that no other street comes near.
	 */
	public Optional<StreetMatch> street(String written, String municipalityNis) {
		String canonical = StreetNames.canonical(written);
		if (canonical.length() < MIN_STREET_LETTERS) {
			return Optional.empty();
		}
		List<AddressRegister.Street> exact = register.exactly(canonical, municipalityNis);
		if (exact.size() == 1) {
			return Optional.of(new StreetMatch(exact.get(0), 1.0));
		}
		StreetMatch best = null;
		double second = 0;
		for (AddressRegister.Street candidate : register.streets(municipalityNis)) {
			double score = streetSimilarity(canonical, candidate);
			if (best == null || score > best.similarity()) {
				second = best == null ? second : best.similarity();
				best = new StreetMatch(candidate, score);
			}
			else {
				second = Math.max(second, score);
			}
		}
		if (best == null || best.similarity() < STREET_ONLY_SIMILARITY
				|| best.similarity() - second < AMBIGUITY_MARGIN) {
			return Optional.empty();
		}
		return Optional.of(best);
	}

	/** The register address with the id extraction found, if the register (still) holds it. */
	public Optional<AddressMatch> byId(String addressId) {
		return register.byId(addressId).map(a -> new AddressMatch(a, 1.0, "address id " + addressId + " from extraction"));
	}

	/**
	 * The address meant, if one is found with at least the threshold's confidence.
	 * @param municipalityNis the dossier's municipality, or {@code null} to search all
	 */
	public Optional<AddressMatch> match(WrittenAddress written, String municipalityNis) {
		List<AddressMatch> candidates = candidates(written, municipalityNis);
		if (candidates.isEmpty() || candidates.get(0).confidence() < threshold) {
			return Optional.empty();
		}
		return Optional.of(candidates.get(0));
	}

	/**
	 * Every candidate address, best first, with its confidence (not thresholded; for review screens and tests). When
	 * two different streets come close, the best one's confidence is lowered and the explanation says so.
	 */
	public List<AddressMatch> candidates(WrittenAddress written, String municipalityNis) {
		String number = StreetNames.houseNumber(written.houseNumber());
		if (number.isEmpty() || written.street() == null || written.street().isBlank()) {
			return List.of();
		}
		String street = StreetNames.canonical(written.street());
		List<AddressMatch> found = new ArrayList<>();
		// fast path: the street's canonical name is known exactly; no fuzzy search needed
		for (AddressRegister.Street exact : register.exactly(street, municipalityNis)) {
			AddressMatch match = onStreet(written, number, exact, 1.0);
			if (match != null) {
				found.add(match);
			}
		}
		if (!found.isEmpty()) {
			found.sort(Comparator.comparingDouble(AddressMatch::confidence).reversed());
			return found;
		}
		List<AddressRegister.Street> streets = streetsToSearch(written, municipalityNis);
		boolean exactStreet = false;
		for (AddressRegister.Street candidate : streets) {
			double streetScore = streetSimilarity(street, candidate);
			if (streetScore < MIN_STREET_SIMILARITY) {
				continue;
			}
			AddressMatch match = onStreet(written, number, candidate, streetScore);
			if (match != null) {
				found.add(match);
				exactStreet |= streetScore >= 1.0;
			}
		}
		found.sort(Comparator.comparingDouble(AddressMatch::confidence).reversed());
		if (found.size() > 1 && !exactStreet) {
			AddressMatch best = found.get(0);
			AddressMatch second = found.get(1);
			boolean otherStreet = !StreetNames.canonical(second.address().street())
				.equals(StreetNames.canonical(best.address().street()));
			if (otherStreet && best.confidence() - second.confidence() < AMBIGUITY_MARGIN) {
				found.set(0, new AddressMatch(best.address(), best.confidence() - 0.15, best.explanation()
						+ ", ambiguous with " + second.address().street() + " " + second.address().houseNumber()));
			}
		}
		return found;
	}

	private List<AddressRegister.Street> streetsToSearch(WrittenAddress written, String municipalityNis) {
		List<AddressRegister.Street> streets = register.streets(municipalityNis);
		if (municipalityNis == null && written.postcode() != null) {
			List<AddressRegister.Street> inPostcode = streets.stream()
				.filter(s -> s.postcodes().contains(written.postcode()))
				.toList();
			if (!inPostcode.isEmpty()) {
				return inPostcode;
			}
		}
		return streets;
	}

	private double streetSimilarity(String written, AddressRegister.Street street) {
		if (written.equals(street.canonical())) {
			return 1.0;
		}
		double best = similarity.apply(written, street.canonical());
		for (String alias : street.aliases()) {
			best = Math.max(best, written.equals(alias) ? ALIAS_SIMILARITY : similarity.apply(written, alias) * ALIAS_SIMILARITY);
		}
		return best;
	}

	private AddressMatch onStreet(WrittenAddress written, String number, AddressRegister.Street street,
			double streetScore) {
		List<Address> sameNumber = street.byNumber().get(number);
		double numberFactor = 1.0;
		String numberNote = "number exact";
		if (sameNumber == null) {
			String numeric = StreetNames.numericPart(number);
			sameNumber = numeric.equals(number) ? null : street.byNumber().get(numeric);
			if (sameNumber == null && numeric.equals(number)) {
				sameNumber = street.byNumber()
					.entrySet()
					.stream()
					.filter(e -> StreetNames.numericPart(e.getKey()).equals(number))
					.findFirst()
					.map(java.util.Map.Entry::getValue)
					.orElse(null);
			}
			if (sameNumber == null) {
				return null;
			}
			numberFactor = 0.85;
			numberNote = "number without its suffix letter";
		}
		Address address = pickBox(sameNumber, written.boxNumber());
		double boxFactor = boxFactor(written.boxNumber(), address.boxNumber());
		double postcodeFactor = written.postcode() == null ? 0.99
				: written.postcode().equals(address.postcode()) ? 1.0 : 0.9;
		double confidence = streetScore * numberFactor * boxFactor * postcodeFactor;
		String explanation = String.format(Locale.ROOT, "street '%s' ~ '%s' %.2f, %s%s", written.street(),
				street.name(), streetScore, numberNote, written.postcode() == null ? ", postcode missing"
						: postcodeFactor < 1 ? ", postcode differs" : "");
		return new AddressMatch(address, confidence, explanation);
	}

	private static Address pickBox(List<Address> sameNumber, String box) {
		if (box != null) {
			for (Address address : sameNumber) {
				if (box.equalsIgnoreCase(address.boxNumber())) {
					return address;
				}
			}
		}
		for (Address address : sameNumber) {
			if (address.boxNumber() == null || address.boxNumber().isBlank()) {
				return address;
			}
		}
		return sameNumber.get(0);
	}

	private static double boxFactor(String written, String registered) {
		boolean hasWritten = written != null && !written.isBlank();
		boolean hasRegistered = registered != null && !registered.isBlank();
		if (!hasWritten) {
			return hasRegistered ? 0.99 : 1.0;
		}
		if (!hasRegistered) {
			return 0.97;
		}
		return written.equalsIgnoreCase(registered) ? 1.0 : 0.97;
	}

}
