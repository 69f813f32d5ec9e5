package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that follow a label ("Aanvrager: ...", "Ligging van het goed: ..."): from the label to the end of the
 * paragraph, the next label on the same paragraph ("Onderwerp:"), or a semicolon.
 */
final class Labels {

	/** A value at [start, end) of the page's flattened text, after the label {@code label}. */
	record Value(String label, String text, int labelStart, int start, int end) {
	}

	private static final Pattern NEXT_LABEL = Pattern.compile("\\s[A-Z][\\p{L}]+(\\s[a-z][\\p{L}]+){0,4}\\s?:\\s|;|\\s\\d\\.\\s[A-Z]");

	private Labels() {
	}

	static List<Value> after(PageView view, Pattern label) {
		List<Value> values = new ArrayList<>();
		Matcher m = label.matcher(view.flat);
		while (m.find()) {
			int start = m.end();
			while (start < view.flat.length() && view.flat.charAt(start) == ' ') {
				start++;
			}
			int end = view.paragraphEnd(start);
			Matcher next = NEXT_LABEL.matcher(view.flat).region(start, end);
			if (next.find()) {
				end = next.start();
			}
			String text = view.flat.substring(start, end).strip();
			if (!text.isEmpty()) {
				values.add(new Value(m.group().strip(), text, m.start(), start, start + view.flat.substring(start, end)
					.stripTrailing().length()));
			}
		}
		return values;
	}

	static String collapse(String text) {
		return text.strip().replaceAll("\\s+", " ");
	}

}
