package be.permitarchive.samples;

import be.permitarchive.dossier.CaPaKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import be.permitarchive.samples.SampleDossier.Parcel;

/**
 * Cadastral parcels as documents write them ("2de afdeling, sectie B, nr. 123C", "1ste afd., sie A nrs 95/g en 96/s",
 * "457X2", "123/02C") together with the CaPaKey each phrase resolves to.
 */
final class ParcelPhrases {

	/** A phrase and the parcels it names; every parcel's {@code asWritten} is the whole phrase. */
	record Written(String phrase, List<Parcel> parcels) {
	}

	private record Key(String division, char section, int radical, int bis, char exponent, int power) {

		String capakey() {
			return String.format(Locale.ROOT, "%s%c%04d/%02d%c%03d", division, section, radical, bis, exponent, power);
		}

		/** "123C", "457X2", "123/02C", "88" */
		String modern() {
			String exp = exponent == '_' ? "" : String.valueOf(exponent);
			String pow = power == 0 ? "" : String.valueOf(power);
			return bis == 0 ? radical + exp + pow : String.format(Locale.ROOT, "%d/%02d%s%s", radical, bis, exp, pow);
		}

		/** "95/g": the older notation with a lower-case exponent behind a slash. */
		String old() {
			return exponent == '_' ? String.valueOf(radical) : radical + "/" + Character.toLowerCase(exponent);
		}

	}

	private ParcelPhrases() {
	}

	/** One of the written forms, chosen by {@code style} (0-3), with random numbers. */
	static Written random(Random random, int style) {
		String division = Fictional.divisionCode(random);
		char section = (char) ('A' + random.nextInt(4));
		int radical = 10 + random.nextInt(900);
		return switch (style % 4) {
			case 0 -> of(String.format("%s, sectie %c, nr. %s", Fictional.divisionOrdinal(division), section, "%s"),
					List.of(new Key(division, section, radical, 0, letter(random), 0)));
			case 1 -> {
				Key first = new Key(division, section, radical, 0, letter(random), 0);
				Key second = new Key(division, section, radical + 1 + random.nextInt(3), 0, letter(random), 0);
				String phrase = String.format("%s afd., sie %c nrs %s en %s", division.equals(Fictional.DIVISION_1)
						? "1ste" : "2de", section, first.old(), second.old());
				yield new Written(phrase, List.of(parcel(first, phrase), parcel(second, phrase)));
			}
			case 2 -> of(String.format("%s, sectie %c, perceel %s", Fictional.divisionName(division), section, "%s"),
					List.of(new Key(division, section, radical, 0, letter(random), 1 + random.nextInt(3))));
			default -> of(String.format("%s, sectie %c, nr. %s (deel)", Fictional.divisionOrdinal(division), section,
					"%s"), List.of(new Key(division, section, radical, 1 + random.nextInt(3), letter(random), 0)));
		};
	}

	/**
	 * One of the alternative written forms (0-3): "afdeling 2, sectie B, nr. 123/02C", "tweede afdeling, sectie B,
	 * perceelnummer 457X2", "ZANDHOVEKE 1 AFD sectie C nrs. 95G en 96S", "2e afd. sectie A nr. 123C pie".
	 */
	static Written alternative(Random random, int style) {
		String division = Fictional.divisionCode(random);
		boolean first = division.equals(Fictional.DIVISION_1);
		char section = (char) ('A' + random.nextInt(5));
		int radical = 1 + random.nextInt(1200);
		return switch (style % 4) {
			case 0 -> of(String.format("afdeling %d, sectie %c, nr. %s", first ? 1 : 2, section, "%s"),
					List.of(new Key(division, section, radical, 1 + random.nextInt(9), letter(random), 0)));
			case 1 -> of(String.format("%s afdeling, sectie %c, perceelnummer %s", first ? "eerste" : "tweede", section,
					"%s"), List.of(new Key(division, section, radical, 0, letter(random), 1 + random.nextInt(9))));
			case 2 -> {
				Key one = new Key(division, section, radical, 0, letter(random), 0);
				Key two = new Key(division, section, radical + 1 + random.nextInt(4), 0, letter(random), 0);
				String phrase = String.format("%s sectie %c nrs. %s en %s", Fictional.divisionName(division), section,
						one.modern(), two.modern());
				yield new Written(phrase, List.of(parcel(one, phrase), parcel(two, phrase)));
			}
			default -> of(String.format("%s afd. sectie %c nr. %s pie", first ? "1e" : "2e", section, "%s"),
					List.of(new Key(division, section, radical, 0, letter(random), 0)));
		};
	}

	/** A fixed parcel, for the showcase dossiers. */
	static Written fixed(String phraseWithPlaceholder, String division, char section, int radical, int bis,
			char exponent, int power) {
		return of(phraseWithPlaceholder, List.of(new Key(division, section, radical, bis, exponent, power)));
	}

	/** Two fixed parcels in the old notation: "1ste afd., sie A nrs 95/g en 96/s". */
	static Written fixedOldPair(String division, char section, int radical1, char exp1, int radical2, char exp2) {
		Key first = new Key(division, section, radical1, 0, exp1, 0);
		Key second = new Key(division, section, radical2, 0, exp2, 0);
		String phrase = String.format("%s afd., sie %c nrs %s en %s",
				division.equals(Fictional.DIVISION_1) ? "1ste" : "2de", section, first.old(), second.old());
		return new Written(phrase, List.of(parcel(first, phrase), parcel(second, phrase)));
	}

	private static Written of(String format, List<Key> keys) {
		String phrase = String.format(format, keys.get(0).modern());
		List<Parcel> parcels = new ArrayList<>();
		for (Key key : keys) {
			parcels.add(parcel(key, phrase));
		}
		return new Written(phrase, parcels);
	}

	private static Parcel parcel(Key key, String phrase) {
		return new Parcel(key.capakey(), phrase);
	}

	private static char letter(Random random) {
		return "ABCDEFGHKLMNPRSTVWX".charAt(random.nextInt(19));
	}

}
