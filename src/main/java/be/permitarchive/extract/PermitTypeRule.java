package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import be.permitarchive.extract.Tokens.Token;

/**
 * The kind of permit, from the words the documents use for it ("bouwvergunning", "stedenbouwkundige vergunning",
 * "verkavelingsvergunning", "stedenbouwkundig attest", ...). A term that stands as a heading, after "Betreft:" or in
 * "aanvraag om ..." counts most; a term in running text counts little; a term that names a law ("decreet betreffende
 * de omgevingsvergunning") does not count.
 */
final class PermitTypeRule {

	private static final Map<String, PermitType> TERMS = Map.ofEntries(
			Map.entry("bouwvergunning", PermitType.BOUWVERGUNNING),
			Map.entry("stedenbouwkundige vergunning", PermitType.BOUWVERGUNNING),
			Map.entry("stedebouwkundige vergunning", PermitType.BOUWVERGUNNING),
			Map.entry("verkavelingsvergunning", PermitType.VERKAVELINGSVERGUNNING),
			Map.entry("verkavelingsaanvraag", PermitType.VERKAVELINGSVERGUNNING),
			Map.entry("omgevingsvergunning", PermitType.OMGEVINGSVERGUNNING),
			Map.entry("milieuvergunning", PermitType.MILIEUVERGUNNING),
			Map.entry("sloopvergunning", PermitType.SLOOPVERGUNNING),
			Map.entry("stedenbouwkundig attest", PermitType.STEDENBOUWKUNDIG_ATTEST),
			Map.entry("stedebouwkundig attest", PermitType.STEDENBOUWKUNDIG_ATTEST),
			Map.entry("vergunning tot bouwen", PermitType.BOUWVERGUNNING),
			Map.entry("vergunning tot verkavelen", PermitType.VERKAVELINGSVERGUNNING),
			Map.entry("vergunning tot slopen", PermitType.SLOOPVERGUNNING));

	/** What stands before a term that makes it the subject of the page. */
	private static final Pattern HEADING_BEFORE = Pattern.compile("(?i)(^|\\n|betreft\\s?:?|aanvraag\\s+(om|tot|voor)"
			+ "(\\s+het\\s+bekomen\\s+van)?(\\s+(een|de))?|inzake\\s?:?|onderwerp\\s?:?|soort\\s+vergunning\\s?:?|type\\s?:?"
			+ "|(verleent|weigert)\\s+de|wordt\\s+de(\\s+gevraagde)?|de\\s+gevraagde|uw\\s+aanvraag\\s+tot|aanvraag\\s+tot)[\\s,]*$");

	/** What stands before a term that names a law, a register or another procedure, not this permit. */
	private static final Pattern CITED_BEFORE = Pattern.compile("(?i)(decreet|wet|besluit|codex|betreffende|inzake de"
			+ "|houdende|register|vorige|eerdere)\\b[^.;\\n]{0,40}$");

	record Reading(PermitType type, double weight, Extracted<PermitType> evidence) {
	}

	List<Reading> readings(PageView view) {
		List<Reading> readings = new ArrayList<>();
		List<Token> tokens = Tokens.of(view.flat);
		for (int i = 0; i < tokens.size(); i++) {
			for (Map.Entry<String, PermitType> term : TERMS.entrySet()) {
				String[] words = term.getKey().split(" ");
				if (i + words.length > tokens.size() || !matches(tokens, i, words)) {
					continue;
				}
				int start = tokens.get(i).start();
				int end = tokens.get(i + words.length - 1).end();
				String before = view.flat.substring(Math.max(0, start - 60), start);
				double weight;
				String method;
				if (CITED_BEFORE.matcher(before).find()) {
					continue;
				}
				if (HEADING_BEFORE.matcher(before).find() || standsAsTitle(view, start, end)) {
					weight = 3;
					method = "heading:" + term.getKey();
				}
				else {
					weight = 1;
					method = "text:" + term.getKey();
				}
				Extracted<PermitType> reading = view.candidate(term.getValue(), weight == 3 ? 0.9 : 0.6, method,
						start, end);
				readings.add(new Reading(term.getValue(), weight * roleFactor(view.role) * reading.confidence(), reading));
			}
		}
		return readings;
	}

	/** A line that is the term and little else, as a document's title: "VERGUNNING TOT BOUWEN", "BOUWVERGUNNING". */
	private static boolean standsAsTitle(PageView view, int start, int end) {
		PageView.Line line = view.lines().get(view.lineIndex(start));
		String rest = (view.page.text().substring(line.start(), Math.min(line.end(), view.page.text().length())))
			.replace(view.page.text().substring(start, Math.min(end, view.page.text().length())), "");
		return Tokens.of(rest).size() <= 2;
	}

	/** The decision and the application name the permit they are about; a plan or an advice may name another. */
	static double roleFactor(DocumentRole role) {
		return switch (role) {
			case DECISION -> 1.3;
			case APPLICATION -> 1.2;
			case COVER, LETTER, OTHER -> 1.0;
			case ADVICE, INQUIRY -> 0.7;
			case PLAN -> 0.5;
		};
	}

	private static boolean matches(List<Token> tokens, int at, String[] words) {
		for (int k = 0; k < words.length; k++) {
			if (!Tokens.like(tokens.get(at + k).word(), words[k])) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The type with clearly the most weight (at least one heading and twice the weight of any other type), else a
	 * missing value. An OMV project number counts as a heading for the omgevingsvergunning.
	 */
	static Extracted<PermitType> decide(List<Reading> readings, Extracted<String> omvNumber) {
		Map<PermitType, Double> weights = new java.util.EnumMap<>(PermitType.class);
		Map<PermitType, Reading> best = new java.util.EnumMap<>(PermitType.class);
		for (Reading r : readings) {
			weights.merge(r.type(), r.weight(), Double::sum);
			if (!best.containsKey(r.type()) || best.get(r.type()).weight() < r.weight()) {
				best.put(r.type(), r);
			}
		}
		if (omvNumber.isPresent()) {
			weights.merge(PermitType.OMGEVINGSVERGUNNING, 3 * omvNumber.confidence(), Double::sum);
		}
		PermitType top = null;
		double topWeight = 0;
		double second = 0;
		for (Map.Entry<PermitType, Double> e : weights.entrySet()) {
			if (e.getValue() > topWeight) {
				second = topWeight;
				topWeight = e.getValue();
				top = e.getKey();
			}
			else {
				second = Math.max(second, e.getValue());
			}
		}
		if (top == null || topWeight < 2.0 || topWeight < 2 * second) {
			return Extracted.missing(top == null ? "not-found" : "ambiguous");
		}
		double confidence = Math.min(0.99, (topWeight / (topWeight + second)) * Math.min(1, topWeight / 4));
		Reading evidence = best.get(top);
		if (evidence == null) {
			return new Extracted<>(top, confidence, "pattern:omv", omvNumber.evidence());
		}
		return evidence.evidence().withConfidence(confidence);
	}

}
