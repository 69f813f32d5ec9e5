package be.permitarchive.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock a worker holds in the register while it runs a partition of the ocr step: a PostgreSQL advisory lock on
 * (job instance, partition number), session-level, on a connection of its own. It dies with the worker's session,
 * so a partition whose lock nobody holds is run by nobody. The two-number form keeps it apart from the delivery
 * locks (one 64-bit number).
 */
final class PartitionLock {

	private static final Logger log = LoggerFactory.getLogger(PartitionLock.class);

	private PartitionLock() {
	}

	/** Waits until the lock is free and takes it for this connection's session. */
	static void acquire(Connection connection, long jobInstance, int partition) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_lock(?, ?)")) {
			statement.setInt(1, Long.hashCode(jobInstance));
			statement.setInt(2, partition);
			statement.execute();
		}
	}

	static void release(Connection connection, long jobInstance, int partition) {
		try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
			statement.setInt(1, Long.hashCode(jobInstance));
			statement.setInt(2, partition);
			statement.execute();
		}
		catch (SQLException ex) {
			log.debug("Could not release the partition lock (the session ends anyway)", ex);
		}
	}

	/** How many partitions of the job instance workers run at this moment. */
	static int held(DataSource dataSource, long jobInstance) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement query = connection.prepareStatement("""
						select count(*) from pg_locks
						where locktype = 'advisory' and granted and objsubid = 2 and classid = ?::oid
						and database = (select oid from pg_database where datname = current_database())""")) {
			query.setLong(1, Integer.toUnsignedLong(Long.hashCode(jobInstance)));
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	/**
	 * Waits until no worker runs a partition of the job instance: before a run whose manager died is recovered and
	 * restarted, the partitions workers are still running finish and count as done, instead of being declared
	 * failed under them.
	 */
	static void awaitReleased(DataSource dataSource, long jobInstance, Duration poll) throws SQLException,
			InterruptedException {
		long lastLog = 0;
		int held;
		while ((held = held(dataSource, jobInstance)) > 0) {
			if (System.nanoTime() - lastLog > Duration.ofMinutes(1).toNanos()) {
				log.info("Waiting for workers to finish {} partition(s) of the interrupted run before it is resumed",
						held);
				lastLog = System.nanoTime();
			}
			Thread.sleep(poll.toMillis());
		}
	}

}
