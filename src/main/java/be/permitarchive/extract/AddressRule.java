package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The location of the works as a postal address: after "Ligging:", "Ligging van het goed:", "Adres:", "gelegen te",
 * in the form "street number [bus box], postcode municipality". Abbreviations are expanded ({@link StreetNames}); a
 * municipality name within a typo or two of a known one is read as that one.
 */
final class AddressRule {

	private static final Pattern LABEL = Pattern.compile("(?i)\\b(ligging(?:\\s+van\\s+het\\s+goed|\\s+van\\s+de"
			+ "\\s+werken)?|(?:ligging|bouw)?adres(?:\\s+van\\s+het\\s+goed)?|gelegen\\s+(?:te|in|aan)|plaats\\s+van\\s+de"
			+ "\\s+werken)\\s?:?");

	private static final Pattern ADDRESS = Pattern.compile("^(?<street>\\p{Lu}[\\p{L}.' -]{2,50}?)\\s?(?<number>[0-9][0-9]{0,3}"
			+ "(?:\\s?[A-Z](?![\\p{L}]))?)(?:\\s*(?:,\\s*)?(?:bus|bte\\.?|b\\.)\\s*(?<box>[0-9A-Z]{1,4})(?!\\p{L}))?\\s*,?\\s*"
			+ "(?<postcode>[1-9][0-9]{3})\\s+(?<municipality>\\p{Lu}[\\p{L}' -]{1,40}?)(?=\\s*[,.;(]|\\s*$|\\s+(?:kadastraal|sectie"
			+ "|en|met|voor|op)\\b)");

	/** The next label on the same paragraph ("Kadastrale ligging:") ends the address. */
	private static final Pattern NEXT_LABEL = Pattern.compile("\\s\\p{Lu}[\\p{L}]+(\\s\\p{Ll}[\\p{L}]+){0,4}\\s?:\\s");

	private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

	private final List<String> knownMunicipalities;

	AddressRule(List<String> knownMunicipalities) {
		this.knownMunicipalities = List.copyOf(knownMunicipalities);
	}

	List<Extracted<Address>> readings(PageView view) {
		List<Extracted<Address>> readings = new ArrayList<>();
		Matcher label = LABEL.matcher(view.flat);
		while (label.find()) {
			int from = label.end();
			while (from < view.flat.length() && view.flat.charAt(from) == ' ') {
				from++;
			}
			int to = Math.min(view.paragraphEnd(from), from + 120);
			java.util.regex.Matcher next = NEXT_LABEL.matcher(view.flat).region(from, to);
			if (next.find()) {
				to = next.start();
			}
			Matcher m = ADDRESS.matcher(view.flat.substring(from, to));
			if (!m.find()) {
				continue;
			}
			Address address = address(m);
			if (address != null) {
				String method = "label:" + label.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
				readings.add(view.candidate(address, 0.9, method, label.start(), from + m.end()));
			}
		}
		return readings;
	}

	private Address address(Matcher m) {
		String street = StreetNames.expand(m.group("street").replaceAll("[,\\s]+$", ""));
		if (street.length() < 3 || street.matches(".*\\d.*")) {
			return null;
		}
		String number = m.group("number").replace(" ", "");
		String municipality = municipality(Labels.collapse(m.group("municipality")));
		return new Address(street, number, m.group("box"), m.group("postcode"), municipality);
	}

	/** The known municipality the name is a slight misreading of, else the name as read. */
	private String municipality(String read) {
		for (String known : knownMunicipalities) {
			if (known.equalsIgnoreCase(read) || SIMILARITY.apply(known.toLowerCase(Locale.ROOT),
					read.toLowerCase(Locale.ROOT)) >= 0.92) {
				return known;
			}
		}
		return read;
	}

}
