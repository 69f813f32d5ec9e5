package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.permitarchive.extract.Tokens.Token;

/**
 * What the college decided. The decision is what the operative part of the decision says, its first article above
 * all: "Artikel 1. De vergunning wordt afgegeven aan ...", "Het college verleent de verkavelingsvergunning ...",
 * "... wordt geweigerd", "De bouwvergunning wordt gedeeltelijk verleend ...; voor het overige wordt de vergunning
 * geweigerd". An article that grants and refuses, or grants "gedeeltelijk", "met uitsluiting van", "met uitzondering
 * van", is a partial grant. Other documents confirm it: the cover sheet ("Schepencollege 19-5-77 geweigerd"), the
 * notification letter ("beslist heeft ... de vergunning te verlenen"), a stamp on a plan ("VERGUND"). An advice
 * ("gunstig"), the application and the inquiry decide nothing and are not read. The later articles (conditions:
 * "De vergunning wordt afgegeven onder de volgende voorwaarden") count little: they repeat a grant even when the first
 * article grants only in part.
 */
final class DecisionRule {

	private static final Set<String> GRANT = Set.of("verleend", "verleent", "verlenen", "vergund", "vergunt",
			"toegekend", "afgegeven", "afgeleverd", "ingewilligd", "goedgekeurd", "toegestaan", "afleveren", "afgeven");

	private static final Set<String> REFUSE = Set.of("geweigerd", "weigert", "weigeren", "afgewezen", "verworpen");

	/** Words that make a grant partial. */
	private static final Pattern PARTIAL = Pattern.compile("(?i)\\b(gedeeltelijk|deels|met\\s+uitsluiting\\s+van"
			+ "|met\\s+uitzondering\\s+van|uitgezonderd|behalve)\\b");

	private static final Set<String> OBJECTS = Set.of("vergunning", "attest", "aanvraag", "omgevingsvergunning",
			"bouwvergunning", "verkavelingsvergunning", "milieuvergunning", "sloopvergunning", "werken");

	/** Words that make a verb about something else: an advice, a condition, another permit. */
	private static final Set<String> SPOILERS = Set.of("advies", "adviezen", "indien", "eerder", "vorige", "eerdere",
			"reeds", "tenzij", "geadviseerd");

	private static final Pattern ARTICLE_ONE = Pattern.compile("(?i)\\bart(ikel|\\.)\\s?(1|l|i|een)\\b\\.?");

	private static final Pattern NEXT_ARTICLE = Pattern.compile("(?i)\\bart(ikel|\\.)\\s?(2|3|twee)\\b");

	private static final Pattern OPERATIVE = Pattern.compile("(?i)\\bb\\s?e\\s?s\\s?l\\s?u\\s?i\\s?t\\s?:|\\bbeslist\\s?:"
			+ "|\\bbeslissing\\b|\\bbesluit\\b");

	/** A cover sheet or stamp that gives the verdict in a word or two after the college. */
	private static final Pattern VERDICT_LINE = Pattern.compile("(?i)(schepen)?college|beslissing|besluit|cbs|zitting");

	/** A verb this close after "BESLUIT:" is the decision even when "Artikel 1" and "vergunning" are unreadable. */
	private static final int OPENING = 120;

	/** The first article is read up to this many characters when the next is not found. */
	private static final int ARTICLE_REACH = 500;

	List<Extracted<Decision>> readings(PageView view) {
		return switch (view.role) {
			case DECISION -> decision(view);
			case COVER -> lines(view, 0.8, "cover");
			case LETTER -> sentences(view, 0, view.flat.length(), 0.75, "letter");
			case PLAN -> lines(view, 0.5, "plan-stamp");
			case ADVICE, APPLICATION, INQUIRY -> List.of();
			case OTHER -> sentences(view, 0, view.flat.length(), 0.5, "wording");
		};
	}

	private List<Extracted<Decision>> decision(PageView view) {
		List<Extracted<Decision>> readings = new ArrayList<>();
		Matcher article = ARTICLE_ONE.matcher(view.flat);
		if (article.find()) {
			int start = article.start();
			Matcher next = NEXT_ARTICLE.matcher(view.flat);
			int end = next.find(article.end()) ? next.start() : Math.min(view.flat.length(), article.end() + ARTICLE_REACH);
			Extracted<Decision> verdict = combined(view, sentences(view, start, end, 0.95, "wording:artikel-1"), start, end);
			if (verdict != null) {
				readings.add(verdict);
				return readings;
			}
		}
		Matcher operative = OPERATIVE.matcher(view.flat);
		int from = operative.find() ? operative.start() : 0;
		readings.addAll(sentences(view, from, view.flat.length(), from > 0 ? 0.8 : 0.6, "wording:besluit"));
		if (readings.isEmpty() && from > 0) {
			// right after "BESLUIT:" a verb decides even when OCR lost "Artikel 1" and "vergunning"
			int to = Math.min(view.flat.length(), operative.end() + OPENING);
			Extracted<Decision> verdict = verdict(view, operative.end(), to, 0.7, "wording:besluit-verb-only", false);
			if (verdict != null) {
				readings.add(verdict);
			}
		}
		return readings;
	}

	/** One verdict from the statements of one article: a grant and a refusal together are a partial grant. */
	private static Extracted<Decision> combined(PageView view, List<Extracted<Decision>> statements, int start, int end) {
		if (statements.isEmpty()) {
			return null;
		}
		boolean partial = statements.stream().anyMatch(s -> s.value() == Decision.GEDEELTELIJK_VERLEEND);
		boolean grant = statements.stream().anyMatch(s -> s.value() == Decision.VERLEEND);
		boolean refuse = statements.stream().anyMatch(s -> s.value() == Decision.GEWEIGERD);
		Decision decision = (partial || (grant && refuse)) ? Decision.GEDEELTELIJK_VERLEEND
				: grant ? Decision.VERLEEND : Decision.GEWEIGERD;
		Extracted<Decision> first = statements.get(0);
		double confidence = statements.stream().mapToDouble(Extracted::confidence).max().orElse(0);
		return new Extracted<>(decision, confidence, first.method(), view.evidence(start, Math.min(end, start + 300)));
	}

	/** The verdict of the sentences between the offsets, one reading per sentence that decides. */
	private List<Extracted<Decision>> sentences(PageView view, int from, int to, double rule, String method) {
		List<Extracted<Decision>> readings = new ArrayList<>();
		int start = from;
		for (int i = from; i <= to; i++) {
			boolean end = i == to || view.flat.charAt(i) == ';' || (view.flat.charAt(i) == '.' && i + 1 < to
					&& Character.isWhitespace(view.flat.charAt(i + 1)) && i > 0 && Character.isLowerCase(view.flat.charAt(i - 1)));
			if (end) {
				Extracted<Decision> verdict = verdict(view, start, i, rule, method);
				if (verdict != null) {
					readings.add(verdict);
				}
				start = i + 1;
			}
		}
		return readings;
	}

	/** Short lines (a cover sheet, a stamp) that name the college and give a verdict. */
	private List<Extracted<Decision>> lines(PageView view, double rule, String method) {
		List<Extracted<Decision>> readings = new ArrayList<>();
		for (PageView.Line line : view.lines()) {
			List<Token> tokens = Tokens.of(line.text());
			String label = view.labelAbove(line.start() + (line.text().length() - line.text().stripLeading().length()));
			boolean stamp = tokens.size() <= 3 || VERDICT_LINE.matcher(line.text()).find()
					|| (label != null && VERDICT_LINE.matcher(label).find());
			if (!stamp) {
				continue;
			}
			Extracted<Decision> verdict = verdict(view, line.start(), line.end(), rule, method, false);
			if (verdict != null) {
				readings.add(verdict);
			}
		}
		return readings;
	}

	private Extracted<Decision> verdict(PageView view, int start, int end, double rule, String method) {
		return verdict(view, start, end, rule, method, true);
	}

	/**
	 * The decision the text between the offsets states, or null: a grant, a refusal, or both (or a grant in part) as
	 * a partial grant. With {@code needObject}, a verb counts only with the permit or the application in the same
	 * statement.
	 */
	private Extracted<Decision> verdict(PageView view, int start, int end, double rule, String method,
			boolean needObject) {
		String text = view.flat.substring(start, end);
		List<Token> tokens = Tokens.of(text);
		boolean grant = false;
		boolean refuse = false;
		boolean object = !needObject;
		int verbStart = -1;
		int verbEnd = -1;
		for (int i = 0; i < tokens.size(); i++) {
			String word = tokens.get(i).word();
			if (SPOILERS.contains(word)) {
				return null;
			}
			object |= OBJECTS.stream().anyMatch(o -> Tokens.like(word, o));
			boolean negated = i > 0 && (tokens.get(i - 1).word().equals("niet") || tokens.get(i - 1).word().equals("geen"));
			if (isGrant(word) || isRefusal(word)) {
				verbStart = verbStart < 0 ? tokens.get(i).start() : verbStart;
				verbEnd = tokens.get(i).end();
			}
			if (isGrant(word)) {
				if (negated) {
					refuse = true;
				}
				else {
					grant = true;
				}
			}
			else if (isRefusal(word)) {
				if (negated) {
					return null; // "niet geweigerd": says what was not done, not what was
				}
				refuse = true;
			}
		}
		if (!object || (!grant && !refuse)) {
			return null;
		}
		Decision decision = (grant && (refuse || PARTIAL.matcher(text).find())) ? Decision.GEDEELTELIJK_VERLEEND
				: grant ? Decision.VERLEEND : Decision.GEWEIGERD;
		if (!grant && PARTIAL.matcher(text).find()) {
			decision = Decision.GEDEELTELIJK_VERLEEND; // "gedeeltelijk geweigerd"
		}
		return view.candidate(decision, rule, method, start, end, start + verbStart, start + verbEnd);
	}

	/** Participles, present tense and infinitive; not "verleende" (an adjective: "de verleende vergunning"). */
	private static boolean isGrant(String word) {
		if (GRANT.contains(word)) {
			return true;
		}
		return word.length() >= 8 && !word.endsWith("de") && GRANT.stream().anyMatch(g -> g.length() >= 8 && Tokens.like(word, g));
	}

	private static boolean isRefusal(String word) {
		if (REFUSE.contains(word)) {
			return true;
		}
		return word.length() >= 8 && !word.endsWith("de") && REFUSE.stream().anyMatch(r -> r.length() >= 8 && Tokens.like(word, r));
	}

}
