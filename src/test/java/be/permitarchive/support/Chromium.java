package be.permitarchive.support;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real browser for the reports: headless Chromium from the PATH renders an HTML file (from the file, no server, no
 * network) into a PNG screenshot, which the tests then measure.
 */
public final class Chromium {

	private Chromium() {
	}

	/** Renders {@code html} at {@code width x height} into {@code png}; fails the test when Chromium cannot. */
	public static BufferedImage screenshot(Path html, Path png, int width, int height) throws Exception {
		String chromium = executable();
		Files.deleteIfExists(png);
		Path profile = Files.createTempDirectory("chromium-profile");
		Path log = png.resolveSibling(png.getFileName() + "-chromium.log");
		try {
			Process process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile,
					"--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
					html.toAbsolutePath().toUri().toString())
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
		assertThat(image.getWidth()).isEqualTo(width);
		assertThat(image.getHeight()).isEqualTo(height);
		return image;
	}

	/** How many pixels of the image have this colour, give or take a little anti-aliasing. */
	public static long pixels(BufferedImage image, int rgb) {
		return pixels(image, rgb, 0, 0, image.getWidth(), image.getHeight());
	}

	/** How many pixels of the region have this colour, give or take a little anti-aliasing. */
	public static long pixels(BufferedImage image, int rgb, int x0, int y0, int width, int height) {
		long count = 0;
		for (int y = y0; y < y0 + height; y++) {
			for (int x = x0; x < x0 + width; x++) {
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

	/** Chromium from the PATH; without it the test fails and says how to install it. */
	private static String executable() {
		for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
			for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
				if (Files.isExecutable(Path.of(dir, name))) {
					return Path.of(dir, name).toString();
				}
			}
		}
		return fail("Chromium is needed to check the reports in a real browser but is not on the PATH: "
				+ "install it with `apt-get install -y chromium` (Debian/Ubuntu) and run the tests again.");
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

}
