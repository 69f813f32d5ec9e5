package be.permitarchive.samples;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import be.permitarchive.samples.SampleDossier.Address;

/**
 * The parts of the fictional world that only the alternative templates use: other reference schemes, streets whose
 * names documents abbreviate ("Antwerpsestwg.", "St.-Jobstraat", "O.-L.-Vrouwstraat") and other date forms.
 */
final class AltWorld {

	/** Street as the register knows it, and as a clerk may abbreviate it (null: never abbreviated). */
	private record Street(String name, String abbreviated) {
	}

	private static final List<Street> STREETS = List.of(new Street("Antwerpsesteenweg", "Antwerpsestwg."),
			new Street("Liersesteenweg", "Liersestwg."), new Street("Sint-Jobstraat", "St.-Jobstraat"),
			new Street("Onze-Lieve-Vrouwstraat", "O.-L.-Vrouwstraat"), new Street("Sint-Antoniusplein", "St.-Antoniusplein"),
			new Street("Boomgaardstraat", null), new Street("Kapelstraat", null), new Street("Grote Baan", null),
			new Street("Oude Baan", null), new Street("Hoge Akker", null), new Street("Nieuwstraat", null),
			new Street("Broekstraat", null), new Street("Ringlaan", null), new Street("Ter Heide", null));

	private static final String[] MONTHS_UPPER = { "JANUARI", "FEBRUARI", "MAART", "APRIL", "MEI", "JUNI", "JULI",
			"AUGUSTUS", "SEPTEMBER", "OKTOBER", "NOVEMBER", "DECEMBER" };

	private AltWorld() {
	}

	/** Reference schemes other than the classic ones: "RO/2005/0123", "1994-0456", "B.V. 88/214", ... */
	static String reference(Random random, Era era, int year) {
		int number = 1 + random.nextInt(999);
		return switch (random.nextInt(5)) {
			case 0 -> String.format("RO/%d/%04d", year, number);
			case 1 -> String.format("%d-%04d", year, number);
			case 2 -> era == Era.TYPEWRITER || era == Era.WORD_PROCESSOR
					? String.format("B.V. %02d/%03d", year % 100, number) : String.format("OV/%d/%03d", year, number);
			case 3 -> String.format("SV/%d/%03d", year, number);
			default -> String.format("%d/%05d", year, number);
		};
	}

	static Address address(Random random) {
		String box = random.nextInt(5) == 0 ? String.valueOf(1 + random.nextInt(12)) : null;
		String number = String.valueOf(1 + random.nextInt(260)) + (random.nextInt(8) == 0 ? "B" : "");
		return new Address(Fictional.pick(random, STREETS).name(), number, box, Fictional.POSTCODE,
				Fictional.MUNICIPALITY);
	}

	/** The address as the alternative templates write it: abbreviated street, "bus" or "bte". */
	static String written(Address a, boolean abbreviate, boolean bte) {
		String street = a.street();
		if (abbreviate) {
			for (Street s : STREETS) {
				if (s.name().equals(street) && s.abbreviated() != null) {
					street = s.abbreviated();
				}
			}
		}
		return street + " " + a.houseNumber() + (a.boxNumber() == null ? "" : (bte ? " bte " : " bus ") + a.boxNumber())
				+ ", " + a.postcode() + " " + a.municipality();
	}

	/** Date forms the classic templates do not use: "12-03-1987", "12 MAART 1987", "12/3/87", "12.03.1987". */
	static String date(LocalDate date, int style) {
		return switch (style % 4) {
			case 0 -> String.format("%02d-%02d-%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
			case 1 -> date.getDayOfMonth() + " " + MONTHS_UPPER[date.getMonthValue() - 1] + " " + date.getYear();
			case 2 -> String.format("%d/%d/%02d", date.getDayOfMonth(), date.getMonthValue(), date.getYear() % 100);
			default -> String.format("%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
		};
	}

}
