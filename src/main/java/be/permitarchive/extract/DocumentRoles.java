package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import be.permitarchive.extract.Tokens.Token;

/**
 * Tells which kind of document each page of a dossier belongs to, from the wording every Flemish permit file uses
 * for it, whatever the municipality's layout: a decision recites ("Gelet op", "Overwegende") and decides ("BESLUIT",
 * "Artikel 1"); an application form asks ("Aanvraag tot het bekomen van", "Handtekening van de aanvrager"); an advice
 * is addressed to the college and gives an advice; a letter greets ("Geachte", "hoogachting"); a cover sheet is a
 * short list of labels and values. Each cue adds its weight (up to a cap, so that one word repeated does not decide);
 * the role with the most weight wins if it has enough. A page that says it continues a decision ("Vervolg
 * beslissing"), or that follows a decision page of the same file without a role of its own, is part of it.
 */
final class DocumentRoles {

	/** Less weight than this: the page's role stays {@link DocumentRole#OTHER}. */
	static final double ENOUGH = 2.5;

	/** A cover sheet has at most this many lines of text... */
	static final int COVER_MAX_LINES = 16;

	/** ...none of them a sentence longer than this. */
	static final int COVER_MAX_LINE = 70;

	private record Cue(DocumentRole role, String[] words, double weight, int max) {
	}

	private static final List<Cue> CUES = new ArrayList<>();

	static {
		cue(DocumentRole.DECISION, "besluit", 2.5, 1);
		cue(DocumentRole.DECISION, "beslist", 2.5, 1);
		cue(DocumentRole.DECISION, "artikel 1", 2, 1);
		cue(DocumentRole.DECISION, "gelet op", 1, 3);
		cue(DocumentRole.DECISION, "overwegende", 1, 2);
		cue(DocumentRole.DECISION, "notulen", 1.5, 1);
		cue(DocumentRole.DECISION, "uittreksel", 1, 1);
		cue(DocumentRole.DECISION, "zitting van", 1, 1);
		cue(DocumentRole.DECISION, "vervolg beslissing", 3, 1);
		cue(DocumentRole.DECISION, "vervolg besluit", 3, 1);
		cue(DocumentRole.DECISION, "collegebesluit", 2, 1);
		cue(DocumentRole.DECISION, "vergunning tot", 1, 1);
		cue(DocumentRole.DECISION, "op bevel", 1, 1);
		cue(DocumentRole.DECISION, "namens het college", 1, 1);
		cue(DocumentRole.APPLICATION, "aanvraag tot het bekomen", 3, 1);
		cue(DocumentRole.APPLICATION, "handtekening van de aanvrager", 3, 1);
		cue(DocumentRole.APPLICATION, "naam en voornaam", 1.5, 1);
		cue(DocumentRole.APPLICATION, "voorbehouden aan het gemeentebestuur", 2, 1);
		cue(DocumentRole.APPLICATION, "aanvrager", 0.5, 2);
		cue(DocumentRole.APPLICATION, "ontwerper", 1, 1);
		cue(DocumentRole.APPLICATION, "formulier", 1, 1);
		cue(DocumentRole.APPLICATION, "ingekomen op", 1, 1);
		cue(DocumentRole.APPLICATION, "aanvraagformulier", 2, 1);
		cue(DocumentRole.ADVICE, "advies uitbreng", 3, 1);
		cue(DocumentRole.ADVICE, "mijn advies", 2, 1);
		cue(DocumentRole.ADVICE, "brengt advies", 2, 1);
		cue(DocumentRole.ADVICE, "aan het college van burgemeester en schepenen", 1.5, 1);
		cue(DocumentRole.ADVICE, "gemachtigde ambtenaar", 1, 1);
		cue(DocumentRole.ADVICE, "advies", 0.5, 2);
		cue(DocumentRole.LETTER, "geachte", 2.5, 1);
		cue(DocumentRole.LETTER, "hoogachting", 2.5, 1);
		cue(DocumentRole.LETTER, "met vriendelijke groeten", 2.5, 1);
		cue(DocumentRole.LETTER, "aangetekend", 1, 1);
		cue(DocumentRole.LETTER, "mee te delen", 1, 1);
		cue(DocumentRole.INQUIRY, "openbaar onderzoek", 2, 1);
		cue(DocumentRole.INQUIRY, "proces-verbaal van", 1.5, 1);
		cue(DocumentRole.INQUIRY, "bezwaarschriften", 2, 1);
		cue(DocumentRole.PLAN, "schaal", 1, 1);
		cue(DocumentRole.PLAN, "blad", 1, 1);
		cue(DocumentRole.PLAN, "plan", 0.5, 2);
	}

	private static void cue(DocumentRole role, String phrase, double weight, int max) {
		CUES.add(new Cue(role, Tokens.of(phrase).stream().map(Token::word).toArray(String[]::new), weight, max));
	}

	/** A heading spaced out letter by letter ("B E S L U I T :"). */
	private static final Pattern SPACED = Pattern.compile("(?m)^\\s*((?:\\p{L}\\s){3,}\\p{L})\\b");

	/** Label-value lines of a cover sheet: a word or two, then a value on the same line. */
	private static final Pattern SENTENCE_END = Pattern.compile("[.;]\\s*$");

	private DocumentRoles() {
	}

	/** The pages with their roles, in the same order. */
	static List<PageView> assign(List<PageView> pages) {
		List<PageView> assigned = new ArrayList<>(pages.size());
		DocumentRole previous = null;
		String previousDocument = null;
		for (PageView page : pages) {
			DocumentRole role = of(page);
			boolean sameFile = page.page.document().equals(previousDocument);
			boolean continues = has(page, "vervolg") && previous == DocumentRole.DECISION;
			boolean noRoleOfItsOwn = role == DocumentRole.OTHER || role == DocumentRole.COVER;
			if ((noRoleOfItsOwn || continues) && sameFile && previous == DocumentRole.DECISION && !page.page.plan()) {
				role = DocumentRole.DECISION;
			}
			assigned.add(page.withRole(role));
			previous = role;
			previousDocument = page.page.document();
		}
		return assigned;
	}

	/** The role of one page on its own. */
	static DocumentRole of(PageView page) {
		if (page.page.plan()) {
			return DocumentRole.PLAN;
		}
		List<Token> tokens = Tokens.of(squeezeSpacedHeadings(page.page.text()));
		Map<DocumentRole, Double> weights = new EnumMap<>(DocumentRole.class);
		for (Cue cue : CUES) {
			int count = Math.min(cue.max(), count(tokens, cue.words()));
			if (count > 0) {
				weights.merge(cue.role(), count * cue.weight(), Double::sum);
			}
		}
		DocumentRole best = DocumentRole.OTHER;
		double bestWeight = 0;
		for (Map.Entry<DocumentRole, Double> entry : weights.entrySet()) {
			if (entry.getValue() > bestWeight) {
				best = entry.getKey();
				bestWeight = entry.getValue();
			}
		}
		if (bestWeight < ENOUGH || best == DocumentRole.PLAN) {
			return looksLikeCover(page) ? DocumentRole.COVER : DocumentRole.OTHER;
		}
		return best;
	}

	/**
	 * Few short lines, none a sentence, several of them with a number: a file card, whatever its labels. OCR may put
	 * a card's labels and values on lines of their own, so a card has up to twice as many lines.
	 */
	private static boolean looksLikeCover(PageView page) {
		int lines = 0;
		int withNumber = 0;
		for (PageView.Line line : page.lines()) {
			String text = line.text().strip();
			if (text.isEmpty()) {
				continue;
			}
			lines++;
			if (text.length() > COVER_MAX_LINE || SENTENCE_END.matcher(text).find() && text.length() > 40) {
				return false;
			}
			if (text.matches(".*\\d.*")) {
				withNumber++;
			}
		}
		return lines >= 4 && lines <= 2 * COVER_MAX_LINES && withNumber >= 3;
	}

	private static boolean has(PageView page, String word) {
		return Tokens.indexOf(Tokens.of(page.flat), word, 0, 12) >= 0;
	}

	private static int count(List<Token> tokens, String[] words) {
		int count = 0;
		for (int i = 0; i + words.length <= tokens.size(); i++) {
			boolean all = true;
			for (int k = 0; k < words.length && all; k++) {
				all = Tokens.like(tokens.get(i + k).word(), words[k]);
			}
			if (all) {
				count++;
				i += words.length - 1;
			}
		}
		return count;
	}

	static String squeezeSpacedHeadings(String text) {
		return SPACED.matcher(text).replaceAll(m -> m.group(1).replace(" ", ""));
	}

}
