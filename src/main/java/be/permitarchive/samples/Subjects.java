package be.permitarchive.samples;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** What the applications are about, per permit type. */
final class Subjects {

	private static final Map<String, List<String>> BY_TYPE = Map.of(
			"bouwvergunning", List.of("bouwen van een eengezinswoning", "verbouwen van een woning",
					"bouwen van een garage", "uitbreiden van een woning met een veranda", "bouwen van een loods"),
			"verkavelingsvergunning", List.of("verkavelen van een perceel in %d loten voor open bebouwing"),
			"sloopvergunning", List.of("slopen van een hoeve met bijgebouwen", "slopen van een vervallen woning"),
			"milieuvergunning", List.of("exploiteren van een schrijnwerkerij", "exploiteren van een varkenshouderij",
					"exploiteren van een opslagplaats voor vloeibare brandstoffen"),
			"stedenbouwkundig-attest", List.of("oprichten van een meergezinswoning", "bouwen van een halfopen woning"),
			"omgevingsvergunning", List.of("bouwen van een meergezinswoning met 6 appartementen",
					"verbouwen en uitbreiden van een eengezinswoning",
					"exploiteren van een veeteeltbedrijf en bouwen van een stal",
					"slopen van een woning en bouwen van een nieuwe eengezinswoning"));

	private Subjects() {
	}

	static String pick(Random random, String permitType, int lots) {
		return String.format(Fictional.pick(random, BY_TYPE.get(permitType)), lots);
	}

}
