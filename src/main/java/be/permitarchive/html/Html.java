package be.permitarchive.html;

/**
 * Escaping for text and attribute values. The output is plain ASCII: every other character becomes a numeric character
 * reference, so the report reads the same whatever charset the writer encodes with, and characters that HTML and XML
 * do not allow (control characters, unpaired surrogates from badly encoded file names) become U+FFFD.
 */
public final class Html {

	private static final int REPLACEMENT = 0xFFFD;

	private Html() {
	}

	/** The text, safe inside an element or a quoted attribute value. Null becomes the empty string. */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			switch (cp) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				case '\n', '\t' -> out.append((char) cp);
				default -> {
					int safe = allowed(cp) ? cp : REPLACEMENT;
					if (safe >= 0x20 && safe < 0x7F) {
						out.append((char) safe);
					}
					else {
						out.append("&#").append(safe).append(';');
					}
				}
			}
		}
		return out.toString();
	}

	private static boolean allowed(int cp) {
		if (cp < 0x20) {
			return cp == '\n' || cp == '\t' || cp == '\r';
		}
		if (cp >= 0x7F && cp <= 0x9F) {
			return false;
		}
		if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
			return false;
		}
		return cp != 0xFFFE && cp != 0xFFFF;
	}

}
