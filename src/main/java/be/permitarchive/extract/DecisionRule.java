package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.permitarchive.extract.Tokens.Token;

/**
 * What the college decided, from the wording of the decision: "de vergunning wordt verleend / geweigerd / gedeeltelijk
 * verleend", "het college verleent / weigert de vergunning", "heeft de vergunning ... verleend". A verb only counts
 * with "vergunning" or "attest" within a few words and without "niet" or "advies" near it; readings after "BESLUIT"
 * or "Artikel 1" count more than readings elsewhere (a cover sheet, a letter).
 */
final class DecisionRule {

	private static final int WINDOW = 5;

	/** A verb this close after "BESLUIT:" / "Artikel 1" is the decision even when "vergunning" is unreadable. */
	private static final int OPENING = 90;

	private static final Set<String> OBJECTS = Set.of("vergunning", "attest", "omgevingsvergunning",
			"bouwvergunning", "verkavelingsvergunning", "milieuvergunning", "sloopvergunning");

	private static final Set<String> SPOILERS = Set.of("niet", "geen", "advies", "adviezen", "indien", "eerder",
			"vorige", "eerdere", "reeds", "tenzij");

	private static final Pattern OPERATIVE = Pattern.compile("(?i)besluit\\s?:|art(ikel|\\.)\\s?1\\b|beslist\\s?:");

	List<Extracted<Decision>> readings(PageView view) {
		List<Extracted<Decision>> readings = new ArrayList<>();
		List<Token> tokens = Tokens.of(view.flat);
		Matcher operative = OPERATIVE.matcher(view.flat);
		int operativeFrom = operative.find() ? operative.start() : Integer.MAX_VALUE;
		for (int i = 0; i < tokens.size(); i++) {
			Decision verb = verb(tokens.get(i).word());
			if (verb == null) {
				continue;
			}
			int from = Math.max(0, i - WINDOW);
			int to = Math.min(tokens.size(), i + WINDOW + 1);
			boolean inOperativePart = tokens.get(i).start() > operativeFrom;
			boolean opensOperativePart = inOperativePart && tokens.get(i).start() - operativeFrom < OPENING;
			boolean withObject = hasObject(tokens, from, to);
			if ((!withObject && !opensOperativePart) || spoiled(tokens, from, to)) {
				continue;
			}
			boolean partly = Tokens.indexOf(tokens, "gedeeltelijk", Math.max(0, i - 3), Math.min(tokens.size(), i + 4)) >= 0
					|| Tokens.indexOf(tokens, "deels", Math.max(0, i - 3), Math.min(tokens.size(), i + 4)) >= 0;
			Decision decision = partly ? Decision.GEDEELTELIJK_VERLEEND : verb;
			int start = tokens.get(from).start();
			int end = tokens.get(to - 1).end();
			double rule = !withObject ? 0.7 : inOperativePart ? 0.95 : 0.75;
			readings.add(view.candidate(decision, rule, !withObject ? "wording:besluit-verb-only"
					: inOperativePart ? "wording:besluit" : "wording", start, end));
		}
		return readings;
	}

	/** The decision a verb form expresses; participles and present tense only, not "verleende" (an adjective). */
	private static Decision verb(String word) {
		if (word.equals("verleend") || word.equals("verleent") || word.equals("toegekend")) {
			return Decision.VERLEEND;
		}
		if (word.equals("geweigerd") || word.equals("weigert")) {
			return Decision.GEWEIGERD;
		}
		if (word.length() >= 8 && (Tokens.like(word, "verleend") && !word.startsWith("verleende"))) {
			return Decision.VERLEEND;
		}
		if (Tokens.like(word, "geweigerd") && !word.startsWith("geweigerde")) {
			return Decision.GEWEIGERD;
		}
		return null;
	}

	private static boolean hasObject(List<Token> tokens, int from, int to) {
		for (int k = from; k < to; k++) {
			for (String object : OBJECTS) {
				if (Tokens.like(tokens.get(k).word(), object)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean spoiled(List<Token> tokens, int from, int to) {
		for (int k = from; k < to; k++) {
			if (SPOILERS.contains(tokens.get(k).word())) {
				return true;
			}
		}
		return false;
	}

}
