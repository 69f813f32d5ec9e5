package be.permitarchive.validate.internal;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import be.permitarchive.support.Chromium;
import be.permitarchive.validate.ValidationReport;

import static org.assertj.core.api.Assertions.assertThat;

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

		assertThat(Chromium.pixels(screenshot, REJECTED_RED)).as("pixels in the verdict's red").isGreaterThan(50_000);
		assertThat(Chromium.pixels(screenshot, ACCEPTED_GREEN)).as("pixels in the verdict's green").isLessThan(1_000);
	}

	@Test
	void showsAnAcceptedDeliveryWithAGreenBanner() throws Exception {
		BufferedImage screenshot = screenshot(ReportFixtures.accepted(), "accepted");

		assertThat(Chromium.pixels(screenshot, ACCEPTED_GREEN)).as("pixels in the verdict's green").isGreaterThan(50_000);
		assertThat(Chromium.pixels(screenshot, REJECTED_RED)).as("pixels in the verdict's red").isLessThan(1_000);
	}

	private static BufferedImage screenshot(ValidationReport report, String name) throws Exception {
		Files.createDirectories(OUT);
		Path html = OUT.resolve(name + ".html");
		Files.writeString(html, ReportFixtures.render(report, "nl"), StandardCharsets.UTF_8);
		BufferedImage image = Chromium.screenshot(html, OUT.resolve(name + ".png"), WIDTH, HEIGHT);
		assertThat(image.getRGB(0, 0) & 0xffffff).as("the header band is drawn, the page is not blank")
			.isEqualTo(0x1c3553);
		return image;
	}

}
