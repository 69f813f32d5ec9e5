package be.permitarchive.validate.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiFunction;

import javax.imageio.ImageIO;

import be.permitarchive.validate.Finding;
import be.permitarchive.validate.Severity;
import be.permitarchive.validate.ValidationReport;
import be.permitarchive.validate.Verdict;

/** Reports built from real scans, and the report's message files as the command line would read them. */
final class ReportFixtures {

	static final String HOSTILE = "<script>alert(1)</script>&\"\u00e9.tif";

	static final String LONG_NAME = "bouwaanvraag_" + "zeer-lange-bestandsnaam-".repeat(12) + "einde.tif";

	private static final Path SCANS = Path.of("src/test/resources/real-scans/tesseract-test");

	/** Rule texts the validator will bring; here only so the report has something real to show. */
	private static final Map<String, String> RULES_NL = Map.of("rule.image.resolution-too-low",
			"Resolutie {0} dpi is lager dan het minimum {1} dpi voor {2}: scan de pagina opnieuw op minstens {1} dpi.",
			"rule.image.type-mismatch", "Het bestand is een {0} maar heeft de extensie {1}: geef het de juiste extensie.",
			"rule.image.skew", "De pagina staat {0} graden scheef (toegestaan: {1}): scan recht of corrigeer de scheefstand.",
			"rule.bag.tag-missing", "bag-info.txt mist de tag {0}: voeg die toe volgens de standaard.",
			"rule.packaging.plain-folder", "De levering is geen BagIt-zak: lever voortaan als BagIt-zak (RFC 8493).");

	private static final Map<String, String> RULES_EN = Map.of("rule.image.resolution-too-low",
			"Resolution {0} dpi is below the minimum {1} dpi for {2}: rescan the page at {1} dpi or more.",
			"rule.image.type-mismatch", "The file is a {0} but has the extension {1}: give it the right extension.",
			"rule.image.skew", "The page is skewed by {0} degrees (allowed: {1}): rescan straight or deskew.",
			"rule.bag.tag-missing", "bag-info.txt lacks the tag {0}: add it as the standard says.",
			"rule.packaging.plain-folder", "The delivery is not a BagIt bag: deliver as a BagIt bag (RFC 8493) from now on.");

	private ReportFixtures() {
	}

	/**
	 * The messages of the project's bundle (src/main/resources/messages*.properties) plus the rule texts above,
	 * formatted like the command line's {@code Messages}. A missing key fails the test instead of showing the key.
	 */
	static BiFunction<String, Object[], String> messages(String language) {
		Properties bundle = properties("en".equals(language) ? "src/main/resources/messages_en.properties"
				: "src/main/resources/messages.properties");
		("en".equals(language) ? RULES_EN : RULES_NL).forEach(bundle::putIfAbsent);
		Locale locale = "en".equals(language) ? Locale.ENGLISH : new Locale("nl", "BE");
		return (key, args) -> {
			String pattern = bundle.getProperty(key);
			if (pattern == null) {
				throw new IllegalArgumentException("no message " + key + " in the " + language + " bundle");
			}
			return (args.length == 0) ? pattern : new MessageFormat(pattern, locale).format(args);
		};
	}

	static Properties properties(String file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	/** A rejected delivery: a delivery-level warning, two dossiers, a hostile and a very long file name. */
	static ValidationReport rejected() {
		byte[] photo = thumbnail("phototest.tif");
		byte[] euro = thumbnail("eurotext.tif");
		byte[] plan = thumbnail("8087_054.3B.tif");
		List<Finding> findings = List.of(
				new Finding("image.resolution-too-low", Severity.REJECT, "2019-0123 Kerkstraat 5", "aanvraag-01.tif", 3,
						List.of("150", "300", "tekstpagina's"), photo),
				new Finding("image.skew", Severity.WARN, "2019-0123 Kerkstraat 5", "aanvraag-02.tif", 1,
						List.of("4,5", "2"), euro),
				new Finding("packaging.plain-folder", Severity.WARN, null, null, null, List.of(), null),
				new Finding("bag.tag-missing", Severity.REJECT, null, "bag-info.txt", null, List.of("Contract-Reference"),
						null),
				new Finding("image.type-mismatch", Severity.REJECT, "2020-0456 \u00c9glisestraat & Zn", HOSTILE, 1,
						List.of("PNG", ".tif"), plan),
				new Finding("image.resolution-too-low", Severity.REJECT, "2020-0456 \u00c9glisestraat & Zn", LONG_NAME, 12,
						List.of("200", "400", "plannen"), plan));
		return new ValidationReport("/deliveries/levering-2024-07 Gent", Instant.parse("2024-07-15T09:30:00Z"),
				Verdict.REJECTED, false, 2, 14, 87, Map.of(150, 4, 200, 1, 300, 70, 400, 12), findings);
	}

	/** An accepted delivery without a single finding. */
	static ValidationReport accepted() {
		return new ValidationReport("/deliveries/levering-2024-08", Instant.parse("2024-08-01T12:00:00Z"),
				Verdict.ACCEPTED, true, 3, 20, 120, Map.of(300, 100, 400, 20), List.of());
	}

	static String render(ValidationReport report, String language) {
		StringWriter out = new StringWriter();
		try {
			new AcceptanceReportHtml().write(report, messages(language), out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/** A real scan scaled to at most 200 px on its long side, as PNG, like the validator's thumbnails. */
	static byte[] thumbnail(String scan) {
		try {
			BufferedImage image = ImageIO.read(SCANS.resolve(scan).toFile());
			double scale = 200.0 / Math.max(image.getWidth(), image.getHeight());
			int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
			int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
			BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
			Graphics2D g = small.createGraphics();
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(image, 0, 0, width, height, null);
			g.dispose();
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(small, "png", png);
			return png.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
