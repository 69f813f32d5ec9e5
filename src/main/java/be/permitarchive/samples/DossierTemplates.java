package be.permitarchive.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import be.permitarchive.samples.SampleDossier.Applicant;
import be.permitarchive.samples.SampleDossier.Format;
import be.permitarchive.samples.SampleDossier.Typeface;
import be.permitarchive.samples.Texts.DateStyle;

/**
 * Chooses the facts of each dossier. The first five of every delivery are the showcase: one dossier per era with
 * fixed references, parcels and defects (the committed sample); later ones are drawn at random for campaigns.
 */
final class DossierTemplates {

	/** The fixed part of a showcase dossier; names and addresses still come from the seed. */
	private record Showcase(Era era, String permitType, String reference, String omvNumber, String decision,
			LocalDate decisionDate, ParcelPhrases.Written parcel, String company, int lots, Layouts.Features features) {
	}

	private static final List<Showcase> SHOWCASE = List.of(
			new Showcase(Era.TYPEWRITER, "bouwvergunning", "1974/0123", null, "verleend", LocalDate.of(1974, 3, 12),
					ParcelPhrases.fixed("2de afdeling, sectie B, nr. %s", Fictional.DIVISION_2, 'B', 123, 0, 'C', 0),
					null, 0, new Layouts.Features(Typeface.TYPEWRITER, Format.TIFF_G4, DateStyle.LONG, true, -1, -1,
							0, -1, true, false, false)),
			new Showcase(Era.WORD_PROCESSOR, "bouwvergunning", "BV 91/214", null, "geweigerd", LocalDate.of(1991, 6, 18),
					ParcelPhrases.fixedOldPair(Fictional.DIVISION_1, 'A', 95, 'G', 96, 'S'), "BVBA Bouwwerken De Smet", 0,
					new Layouts.Features(Typeface.SERIF, Format.PDF_JPEG, DateStyle.SLASH, false, 3, -1, 0, 1, true,
							false, false)),
			new Showcase(Era.BORN_DIGITAL, "bouwvergunning", "2011/00457", null, "verleend", LocalDate.of(2011, 9, 5),
					ParcelPhrases.fixed("1ste afdeling, sectie C, nr. %s", Fictional.DIVISION_1, 'C', 457, 0, 'X', 2),
					null, 0, new Layouts.Features(Typeface.SANS, Format.PDF_TEXT, DateStyle.LONG, false, -1, -1, 0,
							-1, false, false, false)),
			new Showcase(Era.OMGEVINGSLOKET, "omgevingsvergunning", "2023/00312", "OMV_2023072614", "verleend",
					LocalDate.of(2023, 10, 17),
					ParcelPhrases.fixed("2de afdeling, sectie B, perceel %s", Fictional.DIVISION_2, 'B', 88, 2, 'C', 0),
					"NV Immo Kempenland", 0, new Layouts.Features(Typeface.SANS, Format.PNG, DateStyle.SLASH, false, -1, 2, 0, -1,
							true, true, true)),
			new Showcase(Era.TYPEWRITER, "verkavelingsvergunning", "1987/0456", null, "verleend",
					LocalDate.of(1987, 3, 12),
					ParcelPhrases.fixed("1ste afdeling, sectie D, nr. %s (deel)", Fictional.DIVISION_1, 'D', 212, 0, 'B',
							0),
					null, 5, new Layouts.Features(Typeface.TYPEWRITER, Format.PDF_FLATE, DateStyle.DOT, false, -1,
							-1, 0, -1, true, true, false)));

	static final int SHOWCASE_SIZE = SHOWCASE.size();

	private DossierTemplates() {
	}

	/** Dossier number {@code index} (0-based) of a delivery. */
	static SampleDossier build(int index, Random random) {
		return build(index, random, SampleGenerator.Variant.CLASSIC);
	}

	/** Dossier number {@code index} (0-based) of a delivery written from the given templates. */
	static SampleDossier build(int index, Random random, SampleGenerator.Variant variant) {
		if (variant == SampleGenerator.Variant.ALTERNATIVE) {
			return alternative(index, random);
		}
		if (index < SHOWCASE.size()) {
			Showcase s = SHOWCASE.get(index);
			List<Applicant> applicants = s.company() == null ? persons(random)
					: List.of(new Applicant(s.company(), "legal-entity"));
			DossierFacts facts = facts(random, s.reference(), s.omvNumber(), s.permitType(), s.decision(),
					s.decisionDate(), applicants, s.parcel(), s.lots());
			return Layouts.assemble(index, s.era(), facts, s.features(), random);
		}
		Era era = Era.random(random);
		LocalDate decided = Fictional.date(random, era.fromYear, era.toYear);
		String type = Fictional.pick(random, era.permitTypes);
		String omv = era == Era.OMGEVINGSLOKET
				? String.format("OMV_%d%06d", decided.getYear(), 1 + random.nextInt(999_999)) : null;
		int roll = random.nextInt(100);
		String decision = roll < 75 ? "verleend" : roll < 92 ? "geweigerd" : "gedeeltelijk-verleend";
		List<Applicant> applicants = random.nextInt(5) == 0 ? List.of(Fictional.company(random)) : persons(random);
		int lots = "verkavelingsvergunning".equals(type) ? 2 + random.nextInt(7) : 0;
		DossierFacts facts = facts(random, era.reference(random, decided.getYear()), omv, type, decision, decided,
				applicants, ParcelPhrases.random(random, random.nextInt(4)), lots);
		return Layouts.assemble(index, era, facts, Layouts.Features.random(era, random), random);
	}

	/** A dossier of the alternative templates: no showcase, other reference forms, streets and parcel phrases. */
	private static SampleDossier alternative(int index, Random random) {
		Era era = Era.random(random);
		LocalDate decided = Fictional.date(random, era.fromYear, era.toYear);
		String type = Fictional.pick(random, era.permitTypes);
		String omv = era == Era.OMGEVINGSLOKET
				? String.format("OMV_%d%06d", decided.getYear(), 1 + random.nextInt(999_999)) : null;
		int roll = random.nextInt(100);
		String decision = roll < 70 ? "verleend" : roll < 88 ? "geweigerd" : "gedeeltelijk-verleend";
		List<Applicant> applicants = random.nextInt(3) == 0 ? List.of(Fictional.company(random)) : persons(random);
		int lots = "verkavelingsvergunning".equals(type) ? 2 + random.nextInt(9) : 0;
		LocalDate applied = decided.minusDays(30 + random.nextInt(120));
		DossierFacts facts = new DossierFacts(AltWorld.reference(random, era, decided.getYear()), omv, type, decision,
				applied, decided, Subjects.pick(random, type, lots), applicants, AltWorld.address(random),
				ParcelPhrases.alternative(random, random.nextInt(4)), Fictional.architect(random),
				Fictional.person(random).name(), Fictional.person(random).name(), lots);
		return AltLayouts.assemble(index, era, facts, random);
	}

	private static DossierFacts facts(Random random, String reference, String omv, String type, String decision,
			LocalDate decided, List<Applicant> applicants, ParcelPhrases.Written parcel, int lots) {
		LocalDate applied = decided.minusDays(35 + random.nextInt(90));
		return new DossierFacts(reference, omv, type, decision, applied, decided, Subjects.pick(random, type, lots),
				applicants, Fictional.address(random), parcel, Fictional.architect(random),
				Fictional.person(random).name(), Fictional.person(random).name(), lots);
	}

	private static List<Applicant> persons(Random random) {
		List<Applicant> persons = new ArrayList<>();
		persons.add(Fictional.person(random));
		if (random.nextBoolean()) {
			persons.add(Fictional.person(random));
		}
		return persons;
	}

}
