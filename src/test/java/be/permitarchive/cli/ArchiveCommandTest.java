package be.permitarchive.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as archive staff meet it: Dutch by default, English on request, the documented exit codes, and no
 * stack trace for a mistake.
 */
class ArchiveCommandTest {

	static final String DATABASE = TestRegister.newDatabase();

	static final Path work = TestDeliveries.workDir("cli");

	@Nested
	class Usage {

		@Test
		void helpListsEveryCommandInDutch() {
			Run run = run("--help");
			assertThat(run.code()).isZero();
			assertThat(run.out()).contains("Commando's:", "demo", "ingest", "export", "samples", "Afsluitcodes");
		}

		@Test
		void helpIsInEnglishOnRequest() {
			Run run = run("--lang", "en", "--help");
			assertThat(run.out()).contains("Commands:", "Exit codes");
		}

		@Test
		void aMissingArgumentIsAUsageErrorWithoutStackTrace() {
			Run run = run("ingest");
			assertThat(run.code()).isEqualTo(2);
			assertThat(run.err()).contains("Verkeerd gebruik").doesNotContain("Exception").doesNotContain("\tat ");
		}

		@Test
		void aDeliveryThatIsNotAFolderIsSaidPlainly() {
			Run run = run("ingest", work.resolve("does-not-exist").toString(), "--register.url=" + DATABASE);
			assertThat(run.code()).isEqualTo(2);
			assertThat(run.err()).contains("Geen leveringsmap").doesNotContain("Exception");
		}

		@Test
		void anUnreachableRegisterIsExitCodeFiveWithAHint() throws Exception {
			Path delivery = Files.createDirectories(work.resolve("empty-delivery"));
			Run run = run("ingest", delivery.toString(),
					"--register.url=jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
			assertThat(run.code()).isEqualTo(5);
			assertThat(run.err()).contains("Het register is niet bereikbaar").contains("register.url")
				.doesNotContain("\tat ");
		}

	}

	@Nested
	class IngestAndExport {

		@Test
		void aDeliveryWithABadFileEndsWithExitCodeThreeAndSaysWhatToDo() throws Exception {
			// given
			Path delivery = work.resolve("delivery");
			TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", delivery.resolve("1990-0001"));
			Files.writeString(delivery.resolve("1990-0001").resolve("scan2.pdf"), "%PDF-1.4 broken");

			// when it is rejected by the standard, nothing is ingested
			Run refused = run("ingest", delivery.toString(), "--register.url=" + DATABASE, "--language=eng");

			// then
			assertThat(refused.code()).isEqualTo(1);
			assertThat(refused.out()).contains("GEWEIGERD").contains("--accept-with-findings")
				.contains("acceptance-report.html");

			// when it is accepted with its findings
			Run run = run("ingest", delivery.toString(), "--register.url=" + DATABASE, "--language=eng",
					"--accept-with-findings");

			// then
			assertThat(run.code()).isEqualTo(3);
			assertThat(run.out()).contains("Dossiers: 1").contains("Quarantaine: 1 bestand(en)")
				.contains("1990-0001/scan2.pdf").contains("lever het opnieuw aan");

			// and the export is one JSON line per dossier
			Run export = run("export", "--format", "jsonl", "--register.url=" + DATABASE);
			assertThat(export.code()).isZero();
			List<String> lines = export.out().lines().filter((l) -> l.startsWith("{")).toList();
			assertThat(lines).singleElement().asString().contains("\"folder\":\"1990-0001\"")
				.contains("\"code\":\"file-quarantined\"");
		}

	}

	@Nested
	class Validate {

		@Test
		void theSampleDeliveryIsAcceptedWithAReportBesideIt() throws Exception {
			Path report = work.resolve("sample-report");
			Run run = run("validate", "sample-scans/delivery", "--report", report.toString());
			assertThat(run.code()).isZero();
			assertThat(run.out()).contains("AANVAARD");
			assertThat(report.resolve("acceptance-report.html")).exists();
			assertThat(report.resolve("acceptance-report.json")).exists();
		}

		@Test
		void aBrokenDeliveryIsRejectedWithExitCodeOneAndSaysWhatToFix() throws Exception {
			Path delivery = work.resolve("broken");
			Files.createDirectories(delivery.resolve("1990-0002"));
			Files.writeString(delivery.resolve("1990-0002").resolve("scan.tif"), "not a scan");
			Run run = run("--lang", "en", "validate", delivery.toString(), "--report", work.resolve("broken-report")
				.toString());
			assertThat(run.code()).isEqualTo(1);
			assertThat(run.out()).contains("REJECTED").contains("1990-0002/scan.tif");
		}

	}

	static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		System.setProperty("store.dir", work.resolve("store").toString());
		int code = ArchiveCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	record Run(int code, String out, String err) {
	}

}
