package be.permitarchive.cli;

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

	/** The register of the tests that operate the jobs: listing them must not see the other tests' dossiers. */
	static final String OPERATED = TestRegister.newDatabase();

	static final Path work = TestDeliveries.workDir("cli");

	@Nested
	class Usage {

		@Test
		void helpListsEveryCommandInDutch() {
			Run run = run("--help");
			assertThat(run.code()).isZero();
			assertThat(run.out()).contains("Commando's:", "demo", "ingest", "export", "samples", "jobs", "stop",
					"restart", "Afsluitcodes", "8 gestopt op verzoek");
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
		void everyCommandPrintsItsHelpWithExitCodeZero() {
			for (String command : List.of("demo", "validate", "ingest", "nightly", "export", "reference", "georef",
					"jobs", "stop", "restart", "worker", "report", "samples", "verify")) {
				Run run = run(command, "--help");
				assertThat(run.code()).as(command + ": " + run.err()).isZero();
				assertThat(run.out()).as(command).contains("Gebruik: archive " + command);
			}
			Run load = run("reference", "load", "--help");
			assertThat(load.code()).as(load.err()).isZero();
			assertThat(load.out()).contains("Gebruik: archive reference load");
		}

		@Test
		void helpNamesACommandAtAnyDepth() {
			Run load = run("help", "reference", "load");
			Run unknown = run("help", "reference", "unload");

			assertThat(load.code()).isZero();
			assertThat(load.out()).contains("Gebruik: archive reference load").contains("<folder>");
			assertThat(unknown.code()).isEqualTo(2);
			assertThat(unknown.err()).contains("er is geen commando 'unload' onder reference");
		}

		@Test
		void anUnknownMessageLanguageIsAUsageError() {
			Run run = run("--lang", "fr", "jobs");
			assertThat(run.code()).isEqualTo(2);
			assertThat(run.err()).contains("onbekende taal 'fr'", "kies nl of en");
		}

		@Test
		void aNumberOfWorkersBelowOneIsAUsageError() {
			Run ingest = run("ingest", "sample-scans/delivery", "--workers", "-3");
			Run restart = run("--lang", "en", "restart", "1", "--workers=0");

			assertThat(ingest.code()).isEqualTo(2);
			assertThat(ingest.err()).contains("--workers moet minstens 1 zijn, niet -3");
			assertThat(restart.code()).isEqualTo(2);
			assertThat(restart.err()).contains("--workers must be at least 1, not 0");
		}

		@Test
		void anOcrLanguageThatIsNoTesseractCodeIsAUsageError() {
			Run run = run("ingest", "sample-scans/delivery", "--language", "nld, eng");
			assertThat(run.code()).isEqualTo(2);
			assertThat(run.err()).contains("'nld, eng' is geen Tesseract-taal");
		}

		@Test
		void picocliMistakesAreSaidInDutch() {
			Run unknown = run("jobs", "--limti", "3");
			Run missing = run("samples");
			Run invalid = run("jobs", "--limit", "veel");
			Run english = run("--lang", "en", "jobs", "--limit", "many");

			assertThat(unknown.code()).isEqualTo(2);
			assertThat(unknown.err()).contains("Verkeerd gebruik: onbekende optie of argument: --limti")
				.doesNotContain("Unknown option");
			assertThat(missing.code()).isEqualTo(2);
			assertThat(missing.err()).contains("ontbrekende parameter: --out").doesNotContain("Missing required");
			assertThat(invalid.code()).isEqualTo(2);
			assertThat(invalid.err()).contains("ongeldige waarde voor --limit: 'veel'").doesNotContain("Invalid value");
			assertThat(english.err()).contains("invalid value for --limit: 'many'");
		}

		@Test
		void noSamplesIsAUsageError() {
			Run run = run("samples", "--out", work.resolve("no-samples").toString(), "--dossiers", "0");
			assertThat(run.code()).isEqualTo(2);
			assertThat(run.err()).contains("--dossiers moet minstens 1 zijn, niet 0").doesNotContain("Onverwachte fout");
		}

		@Test
		void aMapVersionThatDoesNotExistIsSaidWithTheVersionsThatDo() {
			String register = TestRegister.newDatabase();
			Run none = run("georef", "--map-version", "99", "--register.url=" + register);
			Run load = run("reference", "load", "sample-scans/reference", "--register.url=" + register);
			Run missing = run("georef", "--map-version", "99", "--register.url=" + register);

			assertThat(none.code()).isEqualTo(2);
			assertThat(none.err()).contains("versie 99 van de referentiegegevens bestaat niet",
					"er zijn nog geen referentiegegevens geladen");
			assertThat(load.code()).as(load.err()).isZero();
			assertThat(missing.code()).isEqualTo(2);
			assertThat(missing.err()).containsPattern("versie 99 van de referentiegegevens bestaat niet; geladen versies: \\d+\\.");
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

	@Nested
	class Operating {

		@Test
		void jobsListsEachExecutionWithItsDeliveryAndStatus() throws Exception {
			// given
			Ingested ingested = ingestedOnce();

			// when
			Run dutch = run("jobs", "--register.url=" + OPERATED);
			Run english = run("--lang", "en", "jobs", "--register.url=" + OPERATED);

			// then
			assertThat(dutch.code()).as(dutch.err()).isZero();
			assertThat(dutch.out()).contains("Uitvoering", "Levering", "Status", "Duur", "Dossiers", "Melding")
				.containsPattern("(?m)^" + ingested.execution() + " +ingest +" + java.util.regex.Pattern
					.quote(ingested.delivery().toString()) + " +voltooid +\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} +(\\d+[hms] ?)+ +1( .*)?$")
				.contains("./archive restart <uitvoering>");
			assertThat(english.code()).isZero();
			assertThat(english.out()).contains("Execution", "Delivery", "Started", "Duration", "Message")
				.containsPattern("(?m)^" + ingested.execution() + " +ingest +.* +completed +");
		}

		@Test
		void jobsOnAnEmptyRegisterSaysSo() {
			Run run = run("jobs", "--register.url=" + TestRegister.newDatabase());
			assertThat(run.code()).isZero();
			assertThat(run.out()).contains("nog geen uitvoeringen");
		}

		@Test
		void restartingACompletedExecutionSaysThereIsNothingToResume() throws Exception {
			// given
			Ingested ingested = ingestedOnce();

			// when
			Run restart = run("restart", String.valueOf(ingested.execution()), "--register.url=" + OPERATED);
			Run stop = run("stop", String.valueOf(ingested.execution()), "--register.url=" + OPERATED);
			Run again = run("ingest", ingested.delivery().toString(), "--register.url=" + OPERATED, "--language=eng",
					"--accept-with-findings");

			// then nothing to do is exit code 0, whatever the findings of the run that did it (standard, section 10)
			assertThat(ingested.code()).as("the run had findings").isEqualTo(3);
			assertThat(restart.code()).as(restart.err()).isZero();
			assertThat(again.code()).as(again.err()).isZero();
			assertThat(again.out()).contains("Niets veranderd sinds de vorige volledige verwerking");
			assertThat(restart.out()).contains("Niets te hervatten: uitvoering " + ingested.execution() + " is voltooid")
				.contains("Dossiers: 1");
			assertThat(stop.code()).isEqualTo(2);
			assertThat(stop.err()).contains("Uitvoering " + ingested.execution() + " loopt niet (status: voltooid)");
		}

		@Test
		void aPasswordInTheRegisterUrlIsNotPrinted() throws Exception {
			Ingested ingested = ingestedOnce();
			Run run = run("ingest", ingested.delivery().toString(), "--register.url=" + OPERATED + "&password=s3cret",
					"--language=eng", "--accept-with-findings");
			assertThat(run.code()).as(run.err()).isZero();
			assertThat(run.out()).contains("password=***").doesNotContain("s3cret");
		}

		@Test
		void anUnknownExecutionIsAUsageErrorThatSaysWhereToLook() {
			Run restart = run("restart", "987654", "--register.url=" + OPERATED);
			Run stop = run("--lang", "en", "stop", "987654", "--register.url=" + OPERATED);

			assertThat(restart.code()).as(restart.err()).isEqualTo(2);
			assertThat(restart.err()).contains("Uitvoering 987654 bestaat niet in dit register", "./archive jobs")
				.doesNotContain("Exception");
			assertThat(stop.code()).as(stop.err()).isEqualTo(2);
			assertThat(stop.err()).contains("There is no execution 987654 in this register");
		}

	}

	private static Ingested ingested;

	/** A one-dossier delivery ingested into the shared register, once for the tests that need an execution. */
	static synchronized Ingested ingestedOnce() throws Exception {
		if (ingested == null) {
			Path delivery = work.resolve("operated-delivery");
			TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", delivery.resolve("1991-0001"));
			Run run = run("ingest", delivery.toString(), "--register.url=" + OPERATED, "--language=eng",
					"--accept-with-findings");
			assertThat(run.code()).as(run.out() + run.err()).isIn(0, 3);
			try (java.sql.Connection connection = java.sql.DriverManager.getConnection(OPERATED);
					java.sql.PreparedStatement query = connection.prepareStatement("""
							select job_execution_id from batch_job_execution_params
							where parameter_name = 'delivery' and parameter_value = ?""")) {
				query.setString(1, delivery.toAbsolutePath().normalize().toString());
				try (java.sql.ResultSet rs = query.executeQuery()) {
					rs.next();
					ingested = new Ingested(rs.getLong(1), delivery.toAbsolutePath().normalize(), run.code());
				}
			}
		}
		return ingested;
	}

	record Ingested(long execution, Path delivery, int code) {
	}

	static Run run(String... args) {
		return Run.of(work.resolve("store"), args);
	}


}
