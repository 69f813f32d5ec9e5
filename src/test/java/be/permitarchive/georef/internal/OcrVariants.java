package be.permitarchive.georef.internal;

import java.util.Random;

import be.permitarchive.georef.Address;
import be.permitarchive.georef.WrittenAddress;

/** An address as OCR and clerks write it: confused letters, abbreviations, missing postcode or municipality. */
final class OcrVariants {

	private static final String[][] LETTER_CONFUSIONS = { { "m", "rn" }, { "l", "1" }, { "i", "l" }, { "e", "c" },
			{ "o", "0" }, { "n", "u" }, { "h", "b" }, { "a", "e" }, { "s", "5" }, { "t", "f" }, { "w", "vv" } };

	private OcrVariants() {
	}

	static WrittenAddress of(Address address, Random random) {
		String street = address.street();
		switch (random.nextInt(5)) {
			case 0 -> street = street.replaceAll("straat$", random.nextBoolean() ? "str." : "str");
			case 1 -> street = street.replaceAll("steenweg$", random.nextBoolean() ? "stwg." : "stw.")
				.replaceAll("^Sint-", random.nextBoolean() ? "St.-" : "St-")
				.replaceAll("^Onze-Lieve-Vrouw", "O.L.V.-");
			case 2 -> street = street.toUpperCase(java.util.Locale.ROOT);
			default -> {
			}
		}
		int confusions = random.nextInt(3);
		for (int i = 0; i < confusions; i++) {
			String[] confusion = LETTER_CONFUSIONS[random.nextInt(LETTER_CONFUSIONS.length)];
			int at = street.indexOf(confusion[0], 1 + random.nextInt(Math.max(1, street.length() - 2)));
			if (at > 0) {
				street = street.substring(0, at) + confusion[1] + street.substring(at + confusion[0].length());
			}
		}
		String number = address.houseNumber();
		if (random.nextInt(6) == 0) {
			number = number.replace('1', 'l').replace('0', 'O').replace('9', 'g');
		}
		String postcode = random.nextInt(3) == 0 ? null : address.postcode();
		String municipality = random.nextInt(3) == 0 ? null : address.municipality();
		return new WrittenAddress(street, number, address.boxNumber(), postcode, municipality);
	}

}
