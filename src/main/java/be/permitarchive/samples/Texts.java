package be.permitarchive.samples;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The Dutch wording of the pages: cover sheet, application form, advice letter and college decision. Each method
 * returns a {@link Sheet} wrapped at the given width; dates are written in the form the era used.
 */
final class Texts {

	/** How dates are written in a dossier. */
	enum DateStyle {
		LONG, SLASH, DOT;

		String format(LocalDate date) {
			return switch (this) {
				case LONG -> Fictional.longDate(date);
				case SLASH -> Fictional.slashDate(date);
				case DOT -> Fictional.dotDate(date);
			};
		}
	}

	private Texts() {
	}

	static Sheet cover(DossierFacts f, int width, String service, DateStyle dates, String box) {
		Sheet sheet = new Sheet(width).line("GEMEENTE " + Fictional.MUNICIPALITY.toUpperCase(Locale.ROOT))
			.line(service)
			.blank()
			.blank()
			.line(f.permitNoun().toUpperCase(Locale.ROOT))
			.blank()
			.line("Dossiernummer: " + f.reference());
		if (f.omvNumber() != null) {
			sheet.line("Projectnummer Omgevingsloket: " + f.omvNumber());
		}
		sheet.blank().para("Aanvrager: " + f.applicantNames(), 11).blank().para("Ligging: " + f.address().full(), 9);
		sheet.blank().para("Kadaster: " + f.parcel().phrase(), 10).blank().para("Onderwerp: " + f.subject(), 11);
		return sheet.blank()
			.line("Ingediend op: " + dates.format(f.applicationDate()))
			.line("Beslissing college: " + dates.format(f.decisionDate()))
			.blank()
			.line("Archiefdoos: " + box);
	}

	static Sheet application(DossierFacts f, int width, DateStyle dates) {
		Sheet sheet = new Sheet(width).line("AANVRAAG OM " + f.permitNoun().toUpperCase(Locale.ROOT))
			.line("Gemeente " + Fictional.MUNICIPALITY)
			.blank()
			.line("In te vullen door de aanvrager.")
			.blank()
			.para("1. Naam en voornaam of firma: " + f.applicantNames(), 3)
			.blank()
			.para("2. Ligging van het goed: " + f.address().full(), 3)
			.blank()
			.para("3. Kadastraal bekend als: " + f.parcel().phrase(), 3)
			.blank()
			.para("4. Aard van de werken: " + f.subject(), 3)
			.blank()
			.para("5. Ontwerper: " + f.architect(), 3);
		if (f.lots() > 0) {
			sheet.blank().para("6. Aantal loten: " + f.lots(), 3);
		}
		return sheet.blank()
			.para("Ondergetekende verklaart dat de gegevens in deze aanvraag juist en volledig zijn.")
			.blank()
			.line("Opgemaakt te " + Fictional.MUNICIPALITY + ", op " + dates.format(f.applicationDate()))
			.blank()
			.line("Handtekening van de aanvrager,");
	}

	static Sheet advice(DossierFacts f, int width, DateStyle dates, String adviser) {
		LocalDate sent = f.applicationDate().plusDays((f.decisionDate().toEpochDay() - f.applicationDate().toEpochDay()) / 2);
		return new Sheet(width).line(adviser)
			.blank()
			.line("Aan het College van Burgemeester en Schepenen")
			.line("Dorpsplein 1, " + Fictional.POSTCODE + " " + Fictional.MUNICIPALITY)
			.blank()
			.line("Datum: " + dates.format(sent))
			.line("Uw kenmerk: " + f.reference())
			.blank()
			.para("Betreft: advies over de aanvraag van " + f.applicantNames() + " voor het " + f.subject()
					+ ", " + f.address().full() + ".")
			.blank()
			.para("Geachte heren, na onderzoek van het dossier en een plaatsbezoek brengen wij een "
					+ ("geweigerd".equals(f.decision()) ? "ongunstig" : "gunstig")
					+ " advies uit. De werken moeten worden uitgevoerd volgens de bijgevoegde plannen en de "
					+ "geldende voorschriften.")
			.blank()
			.line("Met de meeste hoogachting,")
			.blank()
			.line("Het diensthoofd,");
	}

	static Sheet decision(DossierFacts f, int width, DateStyle dates) {
		boolean omv = "omgevingsvergunning".equals(f.permitType());
		Sheet sheet = new Sheet(width).line("GEMEENTE " + Fictional.MUNICIPALITY.toUpperCase(Locale.ROOT))
			.para("Uittreksel uit het register van de beraadslagingen van het College van Burgemeester en Schepenen")
			.blank()
			.line("Zitting van " + Fictional.longDate(f.decisionDate()))
			.blank()
			.para("Aanwezig: " + f.mayor() + ", burgemeester; de schepenen; " + f.secretary() + ", secretaris.", 10)
			.blank()
			.para("Betreft: " + f.permitNoun() + ", dossier " + f.reference()
					+ (omv ? ", projectnummer " + f.omvNumber() : ""), 9)
			.blank()
			.line("Het College van Burgemeester en Schepenen,")
			.blank()
			.para("Gelet op de aanvraag ingediend op " + dates.format(f.applicationDate()) + " door "
					+ f.applicantNames() + " voor het " + f.subject() + " op een perceel gelegen te "
					+ f.address().full() + ", kadastraal bekend als " + f.parcel().phrase() + ";")
			.blank()
			.para("Gelet op " + legalBasis(f.decisionDate()) + ";")
			.blank()
			.para("Overwegende dat " + reason(f) + ";")
			.blank()
			.line("BESLUIT:")
			.blank()
			.para("Artikel 1. " + article1(f))
			.blank()
			.para("Artikel 2. " + ("geweigerd".equals(f.decision())
					? "Een afschrift van deze beslissing wordt aan de aanvrager betekend."
					: "De vergunninghouder moet de voorwaarden van de adviezen stipt naleven."))
			.blank()
			.line("Namens het College,")
			.blank();
		return sheet.spread("De secretaris,", "De burgemeester,").spread(f.secretary(), f.mayor());
	}

	private static String article1(DossierFacts f) {
		String to = " aan " + f.applicantNames() + " voor het " + f.subject() + ".";
		return switch (f.decision()) {
			case "geweigerd" -> "De vergunning wordt geweigerd" + to;
			case "gedeeltelijk-verleend" -> "De vergunning wordt gedeeltelijk verleend" + to
					+ " De gevraagde carport wordt uitgesloten.";
			default -> "De vergunning wordt verleend" + to
					+ (f.lots() > 0 ? " De verkaveling omvat " + f.lots() + " loten voor open bebouwing." : "");
		};
	}

	private static String legalBasis(LocalDate date) {
		if (date.getYear() < 1999) {
			return "de wet van 29 maart 1962 houdende organisatie van de ruimtelijke ordening en van de stedebouw";
		}
		if (date.getYear() < 2018) {
			return "de Vlaamse Codex Ruimtelijke Ordening en het gewestplan";
		}
		return "het decreet van 25 april 2014 betreffende de omgevingsvergunning";
	}

	private static String reason(DossierFacts f) {
		return "geweigerd".equals(f.decision())
				? "het ontwerp niet verenigbaar is met de goede ruimtelijke ordening en de bouwdiepte overschrijdt"
				: "het ontwerp verenigbaar is met de goede ruimtelijke ordening van de omgeving";
	}

}
