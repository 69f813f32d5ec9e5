package be.permitarchive.samples;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import be.permitarchive.samples.SampleDossier.Address;
import be.permitarchive.samples.SampleDossier.Applicant;

/**
 * The fictional municipality Zandhoveke and the invented people, firms and streets in it. Every choice goes through
 * the caller's {@link Random}, so one seed gives one world.
 */
final class Fictional {

	static final String MUNICIPALITY = "Zandhoveke";
	static final String NIS = "31998";
	static final String POSTCODE = "2999";
	static final String DIVISION_1 = "31997";
	static final String DIVISION_2 = "31999";

	private static final List<String> FIRST_NAMES = List.of("Jozef", "Maria", "Frans", "Godelieve", "Marcel",
			"Josée", "Pieter", "Sofie", "Luc", "Annemie", "Dirk", "Hilde", "Koen", "Els", "Willy", "Rita", "Jan",
			"Lieve", "Bart", "Veerle", "Stijn", "Griet", "Wout", "Lotte", "Jef", "Mieke", "Staf", "Ria");

	private static final List<String> SURNAMES = List.of("Van den Bossche", "Peeters", "Janssens", "Claes",
			"Wouters", "De Smet", "Verhaegen", "Mertens", "Van Dyck", "Goossens", "Vermeulen", "Aerts", "Hermans",
			"Van Hoof", "De Wachter", "Verbruggen", "Smolders", "Van Gestel", "Nuyts", "Op de Beeck", "Luyckx",
			"Van Looy", "Daems", "Verschueren");

	private static final List<String> COMPANIES = List.of("BVBA Bouwwerken De Smet", "NV Immo Kempenland",
			"BVBA Aannemingen Verhaegen", "NV Projectontwikkeling Netevallei", "BVBA Schrijnwerkerij Aerts",
			"NV Landbouwbedrijf Hoogveld", "BV Woonprojecten Zandhoven", "NV Transport Van Looy");

	private static final List<String> STREETS = List.of("Kerkstraat", "Dorpsplein", "Molenweg", "Heidestraat",
			"Statiestraat", "Bosstraat", "Kapelleweg", "Hoogstraat", "Netelaan", "Beukenlaan", "Zandstraat",
			"Veldstraat", "Pastorijstraat", "Schoolstraat", "Hofeinde", "Lindenhof", "Kempenstraat", "Akkerweg");

	private static final List<String> ARCHITECTS = List.of("ir.-arch. A. Wuyts", "arch. M. Van Roey",
			"architectenbureau Netevallei", "arch. K. Bellens", "ir. arch. L. Sels");

	private static final String[] MONTHS = { "januari", "februari", "maart", "april", "mei", "juni", "juli",
			"augustus", "september", "oktober", "november", "december" };

	private Fictional() {
	}

	static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	static Applicant person(Random random) {
		return new Applicant(pick(random, FIRST_NAMES) + " " + pick(random, SURNAMES), "natural-person");
	}

	static Applicant company(Random random) {
		return new Applicant(pick(random, COMPANIES), "legal-entity");
	}

	static String surname(Random random) {
		return pick(random, SURNAMES);
	}

	static String architect(Random random) {
		return pick(random, ARCHITECTS);
	}

	static Address address(Random random) {
		String box = random.nextInt(8) == 0 ? String.valueOf(1 + random.nextInt(4)) : null;
		String number = String.valueOf(1 + random.nextInt(140)) + (random.nextInt(10) == 0 ? "A" : "");
		return new Address(pick(random, STREETS), number, box, POSTCODE, MUNICIPALITY);
	}

	static LocalDate date(Random random, int fromYear, int toYear) {
		LocalDate start = LocalDate.of(fromYear, 1, 2);
		int days = (int) (LocalDate.of(toYear, 12, 20).toEpochDay() - start.toEpochDay());
		LocalDate date = start.plusDays(random.nextInt(days));
		return date.getDayOfWeek().getValue() >= 6 ? date.plusDays(8 - date.getDayOfWeek().getValue()) : date;
	}

	/** "12 maart 1987" */
	static String longDate(LocalDate date) {
		return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
	}

	/** "12/03/1987" */
	static String slashDate(LocalDate date) {
		return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

	/** "12.03.87" */
	static String dotDate(LocalDate date) {
		return String.format("%02d.%02d.%02d", date.getDayOfMonth(), date.getMonthValue(), date.getYear() % 100);
	}

	static String divisionName(String divisionCode) {
		return DIVISION_1.equals(divisionCode) ? "ZANDHOVEKE 1 AFD" : "ZANDHOVEKE 2 AFD";
	}

	/** "1ste afdeling" or "2de afdeling". */
	static String divisionOrdinal(String divisionCode) {
		return DIVISION_1.equals(divisionCode) ? "1ste afdeling" : "2de afdeling";
	}

	static String divisionCode(Random random) {
		return random.nextBoolean() ? DIVISION_1 : DIVISION_2;
	}

}
