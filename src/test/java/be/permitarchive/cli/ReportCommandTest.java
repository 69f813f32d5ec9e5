package be.permitarchive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;

import be.permitarchive.support.HtmlDocument;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code archive report} on a real (empty) register: where the file goes, who can read it, and what a folder that
 * cannot be written gets. What the report shows of a campaign is NightlyCycleTest's.
 */
class ReportCommandTest {

	static final String DATABASE = TestRegister.newDatabase();

	static final Path work = TestDeliveries.workDir("report");

	@Test
	void aFolderGetsTheReportInsideReadableByOthersAndAnEmptyRegisterSaysSo() throws Exception {
		Path folder = Files.createDirectories(work.resolve("share"));

		Run run = run("report", "--out", folder.toString(), "--register.url=" + DATABASE);

		assertThat(run.code()).as(run.err()).isZero();
		Path html = folder.resolve("campagnestatus.html");
		assertThat(run.out()).contains("Campagnerapport geschreven: " + html.toAbsolutePath());
		assertThat(Files.getPosixFilePermissions(html)).as("a web server or a colleague can read it")
			.contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OTHERS_READ);
		assertThat(HtmlDocument.parse(Files.readString(html)).byId("deliveries").getTextContent())
			.contains("Nog geen leveringen ontvangen.");
		try (var files = Files.list(folder)) {
			assertThat(files).as("no temporary file left behind").containsExactly(html);
		}
	}

	@Test
	void aFolderThatCannotBeWrittenIsAUsageErrorThatSaysWhere() {
		Run run = run("--lang", "en", "report", "--out", "/proc/campaign.html", "--register.url=" + DATABASE);

		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("The file /proc/campaign.html cannot be written")
			.contains("Choose with --out");
	}

	static Run run(String... args) {
		return Run.of(null, args);
	}


}
