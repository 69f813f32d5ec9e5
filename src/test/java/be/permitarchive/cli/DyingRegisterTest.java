package be.permitarchive.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import be.permitarchive.support.IngestProcess;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An external register that goes away in the middle of a run (a separate JVM runs the real command; its database
 * refuses connections, its sessions are terminated and it is renamed) is reported once, soon, with the hint for
 * that register and without a stack trace.
 */
class DyingRegisterTest {

	static final Path work = TestDeliveries.workDir("dying-register");

	static final String DATABASE = TestRegister.newDatabase();

	@Test
	void aRegisterThatGoesAwayMidRunIsReportedOnceWithExitCode5() throws Exception {
		// given a delivery being ingested by another process
		Path delivery = work.resolve("delivery");
		IngestProcess.copyTree(Path.of("sample-scans", "delivery"), delivery);
		Process child = IngestProcess.start(work, delivery, DATABASE);
		String name = databaseName();
		try (Connection server = DriverManager.getConnection(TestRegister.newDatabase());
				Statement statement = server.createStatement()) {
			try {
				IngestProcess.waitUntil(() -> registered() >= 1, Duration.ofMinutes(3), child, work);

				// when its database goes away: no new connections, its sessions terminated, renamed
				statement.execute("alter database " + name + " with allow_connections false");
				statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name
						+ "'");
				statement.execute("alter database " + name + " rename to " + name + "_gone");

				// then the run ends with exit code 5 (well before six 30 s pool timeouts), saying so once, with
				// what to check for this register, and no stack trace
				assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the process ends soon").isTrue();
				String output = IngestProcess.log(work);
				assertThat(child.exitValue()).as(output).isEqualTo(5);
				assertThat(output.split("Het register is niet bereikbaar", -1)).as(output).hasSize(2);
				assertThat(output).contains("Controleer of de PostgreSQL van register.url (jdbc:postgresql://")
					.doesNotContain("laat die leeg voor het ingebouwde register")
					.doesNotContain("\tat ")
					.doesNotContain("Caused by");
			}
			finally {
				child.destroyForcibly();
				child.waitFor(1, TimeUnit.MINUTES);
				statement.execute("drop database if exists " + name + "_gone with (force)");
			}
		}
	}

	static String databaseName() throws SQLException {
		try (Connection connection = DriverManager.getConnection(DATABASE);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_database()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	static int registered() {
		try (Connection connection = DriverManager.getConnection(DATABASE);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from dossier where status <> 'pending'")) {
			rs.next();
			return rs.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
