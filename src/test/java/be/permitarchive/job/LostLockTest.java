package be.permitarchive.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import be.permitarchive.register.internal.DeliveryLock;
import be.permitarchive.support.IngestProcess;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run whose delivery lock is lost while it runs (an administrator terminates the lock's backend; a separate JVM
 * runs the real command) notices it, stops, writes nothing more once another process holds the lock, and says so
 * with its own exit code.
 */
class LostLockTest {

	static final Path work = TestDeliveries.workDir("lost-lock");

	static final String DATABASE = TestRegister.newDatabase();

	@Test
	void aRunWhoseLockIsTerminatedStopsAndReportsTheLostLock() throws Exception {
		// given a delivery of five dossiers being ingested by another process, one dossier at a time
		Path delivery = work.resolve("delivery").toAbsolutePath().normalize();
		IngestProcess.copyTree(Path.of("sample-scans", "delivery"), delivery);
		Process child = IngestProcess.start(work, delivery, DATABASE);
		IngestProcess.waitUntil(() -> registered() >= 1, Duration.ofMinutes(3), child, work);

		// when the backend holding its delivery lock is terminated, and another process takes the lock
		terminateDeliveryLockHolders();
		int registeredAtLoss = registered();
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(DATABASE);
		try (DeliveryLock other = DeliveryLock.tryLock(dataSource, "ingest", delivery.toString()).orElseThrow()) {

			// then the run stops by itself, says that it lost its lock and exits with 9
			assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the process ends by itself").isTrue();
			String output = IngestProcess.log(work);
			assertThat(child.exitValue()).as(output).isEqualTo(ExitCode.LOCK_LOST.code());
			assertThat(output).contains("verloor haar slot op de levering").doesNotContain("niet bereikbaar");

			// and it registered nothing once the lock was another's (but the dossier it may have been committing)
			assertThat(registered()).as(output).isLessThanOrEqualTo(registeredAtLoss + 1).isLessThan(5);
			assertThat(count("select count(*) from batch_job_execution where status = 'COMPLETED'")).isZero();
			assertThat(other.held()).isTrue();
		}
	}

	static int registered() {
		return count("select count(*) from dossier where status <> 'pending'");
	}

	static int count(String sql) {
		try (Connection connection = DriverManager.getConnection(DATABASE);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** As an administrator would: every session holding a delivery lock (one-number advisory lock) in the database. */
	static void terminateDeliveryLockHolders() throws SQLException {
		assertThat(count("""
				select count(pg_terminate_backend(pid)) from pg_locks
				where locktype = 'advisory' and granted and objsubid = 1
				and database = (select oid from pg_database where datname = current_database())""")).isOne();
	}

}
