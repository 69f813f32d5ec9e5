package be.permitarchive.samples;

import java.util.Locale;

/**
 * The alternative wording of a dossier: a dossier card with other labels ("Ref.:", "Bouwheer:", "Adres van het
 * goed:", "Kadastrale ligging:", "Datum beslissing:"), a notification letter ("Wij delen u mee dat het college in
 * zitting van ... Het college verleent de vergunning.") and a decision in the "Feiten / Beslissing / Artikel 1: Het
 * college verleent ..." form. Dates and addresses are written as {@link AltWorld} says.
 */
final class AltTexts {

	/** The choices that make one dossier's wording: date form, street abbreviated, "bte" for the box. */
	record Style(int dates, boolean abbreviate, boolean bte, boolean omvSpaced) {

		String date(java.time.LocalDate date) {
			return AltWorld.date(date, dates);
		}

	}

	private AltTexts() {
	}

	static Sheet card(DossierFacts f, int width, Style s, String box) {
		Sheet sheet = new Sheet(width).line(Fictional.MUNICIPALITY.toUpperCase(Locale.ROOT) + " - DIENST OMGEVING")
			.line("Dossierfiche")
			.blank()
			.line("Ref.: " + f.reference());
		sheet.line("Soort vergunning: " + f.permitNoun());
		if (f.omvNumber() != null) {
			sheet.line("Omgevingsloket: " + (s.omvSpaced() ? f.omvNumber().replace('_', ' ') : f.omvNumber()));
		}
		sheet.blank().para("Bouwheer: " + f.applicantNames(), 4).blank();
		sheet.para("Adres van het goed: " + AltWorld.written(f.address(), s.abbreviate(), s.bte()), 4).blank();
		sheet.para("Kadastrale ligging: " + f.parcel().phrase(), 4).blank();
		sheet.para("Voorwerp van de aanvraag: " + f.subject(), 4).blank();
		return sheet.line("Datum beslissing: " + s.date(f.decisionDate()))
			.line("Uitslag: " + outcome(f))
			.blank()
			.line("Doos: " + box);
	}

	static Sheet letter(DossierFacts f, int width, Style s) {
		String first = f.applicants().get(0).name();
		Sheet sheet = new Sheet(width).line("Gemeentebestuur " + Fictional.MUNICIPALITY)
			.line("Dorpsplein 1")
			.line(Fictional.POSTCODE + " " + Fictional.MUNICIPALITY)
			.blank()
			.line("Aan " + first)
			.line(AltWorld.written(f.address(), false, false).replace(", ", " - "))
			.blank()
			.line("Ons kenmerk: " + f.reference())
			.line("Uw aanvraag van " + s.date(f.applicationDate()))
			.blank()
			.para("Betreft: aanvraag tot " + f.permitNoun())
			.blank()
			.line("Geachte,")
			.blank()
			.para("Wij delen u mee dat het college van burgemeester en schepenen in zitting van "
					+ s.date(f.decisionDate()) + " uw aanvraag voor het " + f.subject() + " heeft behandeld.")
			.blank()
			.para(switch (f.decision()) {
				case "geweigerd" -> "Het college weigert de vergunning. U kunt beroep instellen bij de deputatie.";
				case "gedeeltelijk-verleend" -> "Het college verleent de vergunning gedeeltelijk: de gevraagde "
						+ "carport valt buiten de vergunning.";
				default -> "Het college verleent de vergunning onder de voorwaarden van de bijgevoegde adviezen.";
			})
			.blank()
			.line("Met vriendelijke groeten,")
			.blank();
		return sheet.spread("De algemeen directeur,", "De burgemeester,").spread(f.secretary(), f.mayor());
	}

	static Sheet decision(DossierFacts f, int width, Style s) {
		Sheet sheet = new Sheet(width).line("COLLEGE VAN BURGEMEESTER EN SCHEPENEN")
			.line("Gemeente " + Fictional.MUNICIPALITY)
			.blank()
			.line("Besluit van " + s.date(f.decisionDate()))
			.blank()
			.para("Onderwerp: " + f.permitNoun() + " - " + f.reference())
			.blank()
			.line("Feiten")
			.para("De aanvraag werd ingediend door " + f.applicantNames() + " op " + s.date(f.applicationDate())
					+ ". Het goed is gelegen te " + AltWorld.written(f.address(), s.abbreviate(), s.bte())
					+ " en is kadastraal gekend als " + f.parcel().phrase() + ".")
			.blank()
			.line("Motivering")
			.para("De aanvraag werd getoetst aan de stedenbouwkundige voorschriften en aan de goede ruimtelijke "
					+ "ordening. " + ("geweigerd".equals(f.decision()) ? "Het ontwerp is daarmee niet verenigbaar."
							: "Het ontwerp is daarmee verenigbaar."))
			.blank()
			.line("Beslissing")
			.para("Artikel 1: Het college " + switch (f.decision()) {
				case "geweigerd" -> "weigert de " + f.permitNoun() + " aan " + f.applicantNames() + ".";
				case "gedeeltelijk-verleend" -> "verleent de " + f.permitNoun() + " gedeeltelijk aan "
						+ f.applicantNames() + ".";
				default -> "verleent de " + f.permitNoun() + " aan " + f.applicantNames() + ".";
			})
			.blank()
			.para("Artikel 2: Deze beslissing wordt bekendgemaakt door aanplakking.")
			.blank();
		return sheet.spread("De algemeen directeur,", "De burgemeester,").spread(f.secretary(), f.mayor());
	}

	private static String outcome(DossierFacts f) {
		return switch (f.decision()) {
			case "geweigerd" -> "vergunning geweigerd";
			case "gedeeltelijk-verleend" -> "vergunning gedeeltelijk verleend";
			default -> "vergunning verleend";
		};
	}

}
