package be.permitarchive.validate.internal;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import be.permitarchive.validate.ValidationReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The report as people see it: rendered by a real browser (headless Chromium), from the file, without network. The
 * screenshots stay in {@code target/acceptance-report/} to look at.
 */
class AcceptanceReportBrowserTest {

	static final int WIDTH = 1280;

	static final int HEIGHT = 2000;

	static final int REJECTED_RED = 0xb3261e;

	static final int ACCEPTED_GREEN = 0x1e7b34;

	static final Path OUT = Path.of("target/acceptance-report");

	@Test
	void showsARejectedDeliveryWithARedBanner() throws Exception {
		BufferedImage screenshot = screenshot(ReportFixtures.rejected(), "rejected");

		assertThat(pixels(screenshot, REJECTED_RED)).as("pixels in the verdict's red").isGreaterThan(50_000);
		assertThat(pixels(screenshot, ACCEPTED_GREEN)).as("pixels in the verdict's green").isLessThan(1_000);
	}

	@Test
	void showsAnAcceptedDeliveryWithAGreenBanner() throws Exception {
		BufferedImage screenshot = screenshot(ReportFixtures.accepted(), "accepted");

		assertThat(pixels(screenshot, ACCEPTED_GREEN)).as("pixels in the verdict's green").isGreaterThan(50_000);
		assertThat(pixels(screenshot, REJECTED_RED)).as("pixels in the verdict's red").isLessThan(1_000);
	}

	private static BufferedImage screenshot(ValidationReport report, String name) throws Exception {
		String chromium = chromium();
		Files.createDirectories(OUT);
		Path html = OUT.resolve(name + ".html").toAbsolutePath();
		Path png = OUT.resolve(name + ".png").toAbsolutePath();
		Files.writeString(html, ReportFixtures.render(report, "nl"), StandardCharsets.UTF_8);
		Files.deleteIfExists(png);
		Path profile = Files.createTempDirectory("chromium-profile");
		Path log = OUT.resolve(name + "-chromium.log");
		try {
			Process process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png,
					"--window-size=" + WIDTH + "," + HEIGHT, html.toUri().toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(90, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				fail("Chromium did not finish the screenshot within 90 s; see " + log);
			}
			assertThat(png).as("screenshot by Chromium (exit %d, log %s)", process.exitValue(), log).isRegularFile();
		}
		finally {
			deleteTree(profile);
		}
		BufferedImage image = ImageIO.read(png.toFile());
		assertThat(image.getWidth()).isEqualTo(WIDTH);
		assertThat(image.getHeight()).isEqualTo(HEIGHT);
		assertThat(image.getRGB(0, 0) & 0xffffff).as("the header band is drawn, the page is not blank")
			.isEqualTo(0x1c3553);
		return image;
	}

	/** Chromium from the PATH; without it the test fails and says how to install it. */
	private static String chromium() {
		for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
			for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
				if (Files.isExecutable(Path.of(dir, name))) {
					return Path.of(dir, name).toString();
				}
			}
		}
		return fail("Chromium is needed to check the acceptance report in a real browser but is not on the PATH: "
				+ "install it with `apt-get install -y chromium` (Debian/Ubuntu) and run the tests again.");
	}

	/** How many pixels have this colour, give or take a little anti-aliasing. */
	private static long pixels(BufferedImage image, int rgb) {
		long count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int p = image.getRGB(x, y);
				if (close(p >> 16, rgb >> 16) && close(p >> 8, rgb >> 8) && close(p, rgb)) {
					count++;
				}
			}
		}
		return count;
	}

	private static boolean close(int a, int b) {
		return Math.abs((a & 0xff) - (b & 0xff)) <= 4;
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

}
