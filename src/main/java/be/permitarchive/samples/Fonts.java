package be.permitarchive.samples;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import be.permitarchive.samples.SampleDossier.Typeface;

/**
 * TrueType fonts loaded from fixed files, never from the platform's font lookup, so pages look the same on every
 * machine that has the same files: DejaVu when installed, else the Liberation Sans that ships inside PDFBox.
 */
final class Fonts {

	private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");

	private static final String FALLBACK = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private final Map<Typeface, byte[]> files = new EnumMap<>(Typeface.class);

	private final Map<Typeface, Font> fonts = new EnumMap<>(Typeface.class);

	/** The raw TrueType bytes for a typeface, for embedding in PDFs. */
	synchronized byte[] bytes(Typeface typeface) {
		return files.computeIfAbsent(typeface, Fonts::load);
	}

	/** An AWT font of the typeface at {@code pixels} pixels (em size). */
	synchronized Font awt(Typeface typeface, float pixels) {
		Font base = fonts.computeIfAbsent(typeface, face -> {
			try {
				return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes(face)));
			}
			catch (FontFormatException | IOException ex) {
				throw new IllegalStateException("cannot read the TrueType font for " + face, ex);
			}
		});
		return base.deriveFont(pixels);
	}

	/** Point size the typeface is set in; at 300 dpi 1 pt = 300/72 px. */
	static float points(Typeface typeface) {
		return switch (typeface) {
			case TYPEWRITER -> 12f;
			case SERIF -> 11.5f;
			case SANS, SANS_LIBERATION -> 11f;
			case MONO_BOLD -> 12f;
			case SERIF_CONDENSED -> 11.5f;
		};
	}

	private static byte[] load(Typeface typeface) {
		String name = switch (typeface) {
			case TYPEWRITER -> "DejaVuSansMono.ttf";
			case SERIF -> "DejaVuSerif.ttf";
			case SANS -> "DejaVuSans.ttf";
			case MONO_BOLD -> "DejaVuSansMono-Bold.ttf";
			case SERIF_CONDENSED -> "DejaVuSerifCondensed.ttf";
			case SANS_LIBERATION -> null;
		};
		try {
			if (name == null) {
				try (InputStream in = Fonts.class.getResourceAsStream(FALLBACK)) {
					if (in == null) {
						throw new IllegalStateException("no font " + FALLBACK + " on the class path; add PDFBox");
					}
					return in.readAllBytes();
				}
			}
			Path file = DEJAVU.resolve(name);
			if (Files.isReadable(file)) {
				return Files.readAllBytes(file);
			}
			try (InputStream in = Fonts.class.getResourceAsStream(FALLBACK)) {
				if (in == null) {
					throw new IllegalStateException("no font: neither " + file + " nor " + FALLBACK
							+ " on the class path; install fonts-dejavu-core or add PDFBox to the class path");
				}
				return in.readAllBytes();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
