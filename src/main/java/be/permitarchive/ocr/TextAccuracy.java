package be.permitarchive.ocr;

import java.text.Normalizer;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** How close recognised text is to the ground truth. */
public final class TextAccuracy {

	private TextAccuracy() {
	}

	/**
	 * Character error rate: edit distance between the texts divided by the length of the truth, after normalising
	 * whitespace (runs of spaces and line breaks count as one space), Unicode composition and typographic quotes and
	 * dashes (a curly quote read for a straight one is not an error a reader notices).
	 */
	public static double characterErrorRate(String truth, String recognised) {
		String t = normalise(truth);
		String r = normalise(recognised);
		if (t.isEmpty()) {
			return r.isEmpty() ? 0.0 : 1.0;
		}
		return (double) LevenshteinDistance.getDefaultInstance().apply(t, r) / t.length();
	}

	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC)
			.replaceAll("[\u201C\u201D\u201E\u00AB\u00BB]", "\"")
			.replaceAll("[\u2018\u2019\u201A]", "'")
			.replaceAll("[\u2013\u2014]", "-")
			.replaceAll("\\s+", " ")
			.strip();
	}

}
