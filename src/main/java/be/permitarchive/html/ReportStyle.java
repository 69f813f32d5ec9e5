package be.permitarchive.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The style sheet of a self-contained report: the reports' common style ({@code report-base.css}: colours, header
 * band, count tiles, charts, badges, print rules) followed by the report's own rules.
 */
public final class ReportStyle {

	private ReportStyle() {
	}

	/**
	 * The common style and then the resource {@code name} next to {@code owner}, as one style sheet to inline.
	 * @throws IllegalStateException when a style sheet is missing from the classpath (a broken build)
	 */
	public static String load(Class<?> owner, String name) {
		return read(ReportStyle.class, "report-base.css") + read(owner, name);
	}

	private static String read(Class<?> owner, String name) {
		try (InputStream in = owner.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing from the classpath next to " + owner.getName());
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
