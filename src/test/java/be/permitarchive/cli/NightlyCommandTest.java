package be.permitarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import be.permitarchive.register.internal.DeliveryLock;
import be.permitarchive.support.IngestProcess;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code archive nightly}: every delivery of an inbox in one process, real Tesseract, real PostgreSQL, real sample
 * scans; a second run only ingests what is new.
 */
class NightlyCommandTest {

	static final String DATABASE = TestRegister.newDatabase();

	static final Path work = TestDeliveries.workDir("nightly");

	static final Path samples = Path.of("sample-scans", "delivery");

	@Test
	void ingestsEveryDeliveryOnceAndOnlyTheNewOneTheNextNight() throws Exception {
		// given an inbox with two deliveries and a hidden folder and a loose file to skip
		Path inbox = work.resolve("inbox");
		delivery(inbox.resolve("2026-11-a"), "0004_OMV_2023072614");
		delivery(inbox.resolve("2026-11-b"), "0001_1974-0123");
		Files.createDirectories(inbox.resolve(".partial"));
		Files.writeString(inbox.resolve("README.txt"), "not a delivery");

		// when
		Run first = run("nightly", inbox.toString(), "--accept-with-findings", "--register.url=" + DATABASE);

		// then both are ingested and registered
		assertThat(first.code()).as(first.out() + first.err()).isIn(0, 3);
		assertThat(first.out()).contains("2026-11-a: verwerkt").contains("2026-11-b: verwerkt")
			.doesNotContain(".partial").doesNotContain("README.txt").contains("Klaar: 2 levering(en)");
		assertThat(dossiers()).containsExactly("2026-11-a/0004_OMV_2023072614", "2026-11-b/0001_1974-0123");
		long executions = executions();

		// when a third delivery arrives
		delivery(inbox.resolve("2026-11-c"), "0003_2011-00457");
		Run second = run("nightly", inbox.toString(), "--accept-with-findings", "--register.url=" + DATABASE);

		// then only the third is processed
		assertThat(second.code()).as(second.out() + second.err()).isIn(0, 3);
		assertThat(second.out()).contains("2026-11-a: niets te doen").contains("2026-11-b: niets te doen")
			.contains("2026-11-c: verwerkt").contains("2 niets te doen, 1 verwerkt");
		assertThat(executions()).isEqualTo(executions + 1);
		assertThat(dossiers()).hasSize(3).contains("2026-11-c/0003_2011-00457");
	}

	@Test
	void aRejectedOrLockedDeliveryDoesNotStopTheOthers() throws Exception {
		// given a delivery the standard rejects, one another process holds, and a good one
		Path inbox = work.resolve("mixed-inbox");
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", inbox.resolve("a-broken").resolve("1990-0001"));
		Files.writeString(inbox.resolve("a-broken").resolve("1990-0001").resolve("scan2.pdf"), "%PDF-1.4 broken");
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", inbox.resolve("b-locked").resolve("1990-0002"));
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", inbox.resolve("c-good").resolve("1990-0003"));
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(DATABASE);
		Flyway.configure().dataSource(dataSource).load().migrate(); // the lock's key is the delivery's row
		try (DeliveryLock held = DeliveryLock.tryLock(dataSource, "ingest",
				inbox.resolve("b-locked").toAbsolutePath().normalize().toString()).orElseThrow()) {

			// when
			Run run = run("--lang", "en", "nightly", inbox.toString(), "--register.url=" + DATABASE,
					"--language=eng");

			// then each is reported, and the worst outcome (locked) is the exit code
			assertThat(run.out()).as(run.out() + run.err()).contains("a-broken: rejected")
				.contains("acceptance-report.html").contains("b-locked: skipped, the delivery is being ingested by")
				.contains("c-good: ingested");
			assertThat(run.out()).contains("Done: 3 delivery(ies)").contains("1 rejected, 1 locked, 0 failed");
			assertThat(run.code()).isEqualTo(7);
		}
	}

	@Test
	void sigtermStopsTheRunningDeliveryAndStartsNoOther() throws Exception {
		// given an inbox whose first delivery (five dossiers) is being ingested by another process
		String database = TestRegister.newDatabase();
		Path stopWork = work.resolve("sigterm");
		Path inbox = stopWork.resolve("inbox");
		IngestProcess.copyTree(samples, inbox.resolve("a-samples"));
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", inbox.resolve("b-later").resolve("1990-0001"));
		Process child = IngestProcess.start(stopWork,
				List.of("nightly", inbox.toString(), "--register.url=" + database));
		IngestProcess.waitUntil(() -> count(database, "select count(*) from dossier where status <> 'pending'") >= 1,
				Duration.ofMinutes(3), child, stopWork);

		// when it gets SIGTERM
		child.destroy();

		// then it finishes the dossiers in flight, starts no other delivery and exits with 8
		assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the stopped process ends by itself").isTrue();
		String output = IngestProcess.log(stopWork);
		assertThat(child.exitValue()).as(output).isEqualTo(8);
		assertThat(output).contains("a-samples: gestopt op verzoek").contains("b-later: niet gestart")
			.contains("0 mislukt, 2 gestopt");
		assertThat(count(database, "select count(*) from delivery where name = 'b-later'")).isZero();
		assertThat(count(database, "select count(*) from batch_job_execution where status = 'STOPPED'")).isOne();
	}

	static long count(String database, String sql) {
		try (Connection connection = DriverManager.getConnection(database);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aNewParcelMapInTheReferenceFolderIsLoadedOnceAndTheRegisterRealignedOnIt() throws Exception {
		// given an inbox with one delivery, and a reference folder that holds the first map
		String database = TestRegister.newDatabase();
		Path inbox = work.resolve("map-inbox");
		delivery(inbox.resolve("2026-11-a"), "0001_1974-0123");
		Path grb = work.resolve("grb");
		copyFiles(Path.of("sample-scans", "reference"), grb);

		// when the first night runs
		Run first = run("nightly", inbox.toString(), "--accept-with-findings", "--reference", grb.toString(),
				"--register.url=" + database);

		// then the map is loaded and the dossier placed on it
		assertThat(first.code()).as(first.out() + first.err()).isIn(0, 3);
		assertThat(first.out()).contains("Nieuw perceelplan geladen uit " + grb.toAbsolutePath().normalize()
				+ " als versie 1").contains("2026-11-a: verwerkt");
		assertThat(count(database, "select count(*) from reference_version")).isOne();
		assertThat(placement(database, "0001_1974-0123")).isEqualTo("1 [\"31999B0123/00C000\"]");

		// when the GRB's next parcel map (123C split into 123D and 123E, 457X2 redrawn) is dropped into the folder
		// and a delivery arrives whose dossier names 457X2
		Files.copy(Path.of("sample-scans", "reference-v2", "parcels.geojson"), grb.resolve("parcels.geojson"),
				StandardCopyOption.REPLACE_EXISTING);
		delivery(inbox.resolve("2026-12-b"), "0003_2011-00457");
		Run second = run("--lang", "en", "nightly", inbox.toString(), "--accept-with-findings", "--reference",
				grb.toString(), "--register.url=" + database);

		// then the new map is a new version, the dossier already registered is realigned on it with a history row
		// and a line in the change report, and the new dossier is placed on it directly
		assertThat(second.code()).as(second.out() + second.err()).isIn(0, 3);
		assertThat(second.out()).contains("New parcel map loaded from " + grb.toAbsolutePath().normalize()
				+ " as version 2: 1 dossier(s) with a changed polygon, 0 unchanged, 0 newly placed")
			.contains("2026-12-b: ingested");
		assertThat(count(database, "select count(*) from reference_version")).isEqualTo(2);
		assertThat(placement(database, "0001_1974-0123"))
			.isEqualTo("2 [\"31999B0123/00D000\", \"31999B0123/00E000\"]");
		assertThat(placement(database, "0003_2011-00457")).isEqualTo("2 [\"31997C0457/00X002\"]");
		assertThat(count(database, """
				select count(*) from dossier_geometry_change c join dossier d on d.id = c.dossier_id
				where d.folder = '0001_1974-0123' and c.old_version_id = 1 and c.new_version_id = 2
				and c.kinds ? 'split'""")).isOne();
		assertThat(count(database, "select count(*) from dossier_geometry_change")).isOne();
		assertThat(work.resolve("reports").resolve("map-change-to-version-2.csv")).content()
			.contains("0001_1974-0123,1974/0123,");

		// when the third night finds the folder unchanged
		Run third = run("nightly", inbox.toString(), "--accept-with-findings", "--reference", grb.toString(),
				"--register.url=" + database);

		// then no version is added and nothing is done
		assertThat(third.code()).as(third.out() + third.err()).isIn(0, 3);
		assertThat(third.out()).doesNotContain("perceelplan").contains("2026-11-a: niets te doen")
			.contains("2026-12-b: niets te doen");
		assertThat(count(database, "select count(*) from reference_version")).isEqualTo(2);
	}

	@Test
	void aReferenceFolderThatCannotBeLoadedStopsTheNightBeforeTheDeliveries() throws Exception {
		// given a parcel map copied in half
		Path inbox = work.resolve("half-map-inbox");
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", inbox.resolve("a").resolve("1990-0001"));
		Path grb = work.resolve("half-grb");
		copyFiles(Path.of("sample-scans", "reference"), grb);
		byte[] parcels = Files.readAllBytes(grb.resolve("parcels.geojson"));
		Files.write(grb.resolve("parcels.geojson"), java.util.Arrays.copyOf(parcels, parcels.length / 2));

		// when
		Run run = run("nightly", inbox.toString(), "--reference", grb.toString(), "--register.url=" + DATABASE);

		// then
		assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
		assertThat(run.err()).contains("De referentiegegevens kunnen niet geladen worden");
		assertThat(run.out()).doesNotContain("a: ");
	}

	@Test
	void theRegisterIsExportedAfterTheRunUnlessNothingChangedSinceTheExport() throws Exception {
		// given an inbox with one delivery, and the parcel map
		String database = TestRegister.newDatabase();
		Path inbox = work.resolve("export-inbox");
		delivery(inbox.resolve("2026-11-a"), "0001_1974-0123");
		String reference = Path.of("sample-scans", "reference").toString();
		Path jsonl = work.resolve("register.jsonl");

		// when
		Run first = run("nightly", inbox.toString(), "--accept-with-findings", "--reference", reference, "--export",
				jsonl.toString(), "--register.url=" + database);

		// then the export holds one JSON object per dossier of the register
		assertThat(first.code()).as(first.out() + first.err()).isIn(0, 3);
		assertThat(first.out()).contains("Export: 1 dossier(s) naar " + jsonl);
		List<String> lines = Files.readAllLines(jsonl);
		assertThat(lines).hasSize((int) count(database, "select count(*) from dossier"));
		JsonMapper json = JsonMapper.builder().build();
		assertThat(lines).allSatisfy((line) -> assertThat(json.readTree(line).isObject()).isTrue());
		assertThat(json.readTree(lines.get(0)).get("folder").asString()).isEqualTo("0001_1974-0123");
		assertThat(work).isDirectoryNotContaining("glob:**/.export*");
		FileTime written = Files.getLastModifiedTime(jsonl);

		// when the next night changes nothing (the same map too), and another asks for a GeoJSON export not
		// written yet
		Run second = run("--lang", "en", "nightly", inbox.toString(), "--reference", reference, "--export",
				jsonl.toString(), "--register.url=" + database);
		Path geojson = work.resolve("register.geojson");
		Run third = run("--lang", "en", "nightly", inbox.toString(), "--reference", reference, "--export",
				geojson.toString(), "--export-format", "geojson", "--register.url=" + database);

		// then the JSON Lines export is left as it was, and the GeoJSON one (the placed dossiers) is written
		assertThat(second.code()).as(second.out() + second.err()).isIn(0, 3);
		assertThat(second.out()).contains("2026-11-a: nothing to do")
			.contains("Export skipped: the register has not changed since " + jsonl + " was written.");
		assertThat(Files.getLastModifiedTime(jsonl)).isEqualTo(written);
		assertThat(third.out()).contains("Export: 1 dossier(s) to " + geojson);
		assertThat(json.readTree(geojson.toFile()).get("features")).hasSize(1);
	}

	@Test
	void missingTesseractStopsTheNightWithOneMessageAndExitCode4() throws Exception {
		// given two new deliveries, and OCR language data that does not exist
		String database = TestRegister.newDatabase();
		Path inbox = work.resolve("no-ocr-inbox");
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", inbox.resolve("a").resolve("1990-0001"));
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", inbox.resolve("b").resolve("1990-0002"));

		// when
		Run run = run("nightly", inbox.toString(), "--language=xx_missing", "--register.url=" + database);

		// then the night stops at the first delivery with ingest's message and exit code, not one per delivery
		assertThat(run.code()).as(run.out() + run.err()).isEqualTo(4);
		assertThat(occurrences(run.err(), "Tesseract is niet bruikbaar")).isOne();
		assertThat(run.err()).contains("xx_missing").doesNotContain("\tat ");
		assertThat(run.out()).doesNotContain("mislukt").doesNotContain("b: ");
	}

	@Test
	void anUnreachableRegisterStopsTheNightWithOneMessageAndExitCode5() throws Exception {
		// given two deliveries, and a register URL to a port where nothing listens
		Path inbox = work.resolve("no-register-inbox");
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", inbox.resolve("a").resolve("1990-0001"));
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", inbox.resolve("b").resolve("1990-0002"));

		// when
		Run run = run("nightly", inbox.toString(), "--register.url=jdbc:postgresql://127.0.0.1:1/register");

		// then
		assertThat(run.code()).as(run.out() + run.err()).isEqualTo(5);
		assertThat(occurrences(run.err(), "Het register is niet bereikbaar")).isOne();
		assertThat(run.out()).doesNotContain("mislukt");
	}

	@Test
	void aMissingInboxIsAUsageErrorAndAnEmptyOneIsNothingToDo() throws Exception {
		Run missing = run("nightly", work.resolve("no-such-inbox").toString(), "--register.url=" + DATABASE);
		assertThat(missing.code()).isEqualTo(2);
		assertThat(missing.err()).contains("no-such-inbox bestaat niet");
		assertThat(missing.out()).isEmpty();

		Path empty = Files.createDirectories(work.resolve("empty-inbox"));
		Run none = run("--lang", "en", "nightly", empty.toString(), "--register.url=" + DATABASE);
		assertThat(none.code()).isZero();
		assertThat(none.out()).contains("holds no deliveries");
	}

	/** The map version a dossier is placed on and its parcels there, as the register holds them. */
	static String placement(String database, String folder) throws Exception {
		try (Connection connection = DriverManager.getConnection(database);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select georef_version_id || ' ' || cast(georef_parcels as text)"
						+ " from dossier where folder = '" + folder + "'")) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	static void copyFiles(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	static int occurrences(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

	/** A delivery with one sample dossier (copied, never moved) and its manifest line. */
	static void delivery(Path delivery, String dossier) throws IOException {
		Path target = Files.createDirectories(delivery.resolve(dossier));
		try (Stream<Path> files = Files.walk(samples.resolve(dossier))) {
			for (Path file : files.toList()) {
				Path to = target.resolve(samples.resolve(dossier).relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(file, to);
				}
			}
		}
		List<String> manifest = Files.readAllLines(samples.resolve("manifest.csv"));
		List<String> lines = new ArrayList<>(List.of(manifest.get(0)));
		manifest.stream().filter((l) -> l.startsWith(dossier + ",")).forEach(lines::add);
		Files.write(delivery.resolve("manifest.csv"), lines);
	}

	static List<String> dossiers() throws Exception {
		List<String> dossiers = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(DATABASE);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("""
						select d.name || '/' || s.folder from dossier s join delivery d on d.id = s.delivery_id
						order by 1""")) {
			while (rs.next()) {
				dossiers.add(rs.getString(1));
			}
		}
		return dossiers;
	}

	static long executions() throws Exception {
		try (Connection connection = DriverManager.getConnection(DATABASE);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from batch_job_execution")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static Run run(String... args) {
		return Run.of(work.resolve("store"), args);
	}


}
