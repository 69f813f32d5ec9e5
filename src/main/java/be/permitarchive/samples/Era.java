package be.permitarchive.samples;

import java.util.List;
import java.util.Random;

/** The four kinds of dossier a municipal archive holds, by how their pages were made. */
enum Era {

	/** 1955-1984: typewriter and carbon copies, delivered as bilevel TIFF. */
	TYPEWRITER(1958, 1984, List.of("bouwvergunning", "bouwvergunning", "bouwvergunning", "verkavelingsvergunning",
			"sloopvergunning")),
	/** 1985-2004: word processor printouts, delivered as image-only PDF. */
	WORD_PROCESSOR(1985, 2004, List.of("bouwvergunning", "bouwvergunning", "milieuvergunning", "verkavelingsvergunning",
			"stedenbouwkundig-attest", "sloopvergunning")),
	/** 2005-2017: born-digital PDFs with a text layer, sometimes with scanned annexes. */
	BORN_DIGITAL(2005, 2017, List.of("bouwvergunning", "bouwvergunning", "milieuvergunning", "sloopvergunning",
			"stedenbouwkundig-attest", "verkavelingsvergunning")),
	/** since 2018: omgevingsvergunning from the Omgevingsloket, pages as PNG and JPEG. */
	OMGEVINGSLOKET(2018, 2025, List.of("omgevingsvergunning"));

	final int fromYear;

	final int toYear;

	final List<String> permitTypes;

	Era(int fromYear, int toYear, List<String> permitTypes) {
		this.fromYear = fromYear;
		this.toYear = toYear;
		this.permitTypes = permitTypes;
	}

	/** A campaign mix: older dossiers are the bulk of a municipal archive. */
	static Era random(Random random) {
		int roll = random.nextInt(100);
		return roll < 35 ? TYPEWRITER : roll < 70 ? WORD_PROCESSOR : roll < 88 ? BORN_DIGITAL : OMGEVINGSLOKET;
	}

	/** A local dossier reference in the form this era's service used. */
	String reference(Random random, int year) {
		int number = 1 + random.nextInt(this == TYPEWRITER ? 400 : 900);
		return switch (this) {
			case TYPEWRITER -> random.nextInt(4) == 0 ? String.format("SV/%d/%03d", year, number)
					: String.format("%d/%04d", year, number);
			case WORD_PROCESSOR -> random.nextBoolean() ? String.format("BV %02d/%03d", year % 100, number)
					: String.format("%d/%04d", year, number);
			case BORN_DIGITAL, OMGEVINGSLOKET -> String.format("%d/%05d", year, number);
		};
	}

}
