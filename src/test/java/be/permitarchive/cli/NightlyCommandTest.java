package be.permitarchive.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

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
	void aMissingInboxIsAUsageErrorAndAnEmptyOneIsNothingToDo() throws Exception {
		Run missing = run("nightly", work.resolve("no-such-inbox").toString(), "--register.url=" + DATABASE);
		assertThat(missing.code()).isEqualTo(2);
		assertThat(missing.out()).contains("bestaat niet");

		Path empty = Files.createDirectories(work.resolve("empty-inbox"));
		Run none = run("--lang", "en", "nightly", empty.toString(), "--register.url=" + DATABASE);
		assertThat(none.code()).isZero();
		assertThat(none.out()).contains("holds no deliveries");
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
