package be.permitarchive.register.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

/**
 * A lock on one delivery, held in the register as a PostgreSQL advisory lock on its own connection: it works across
 * machines, and it is released when the holder's process dies, however it dies.
 */
public final class DeliveryLock implements AutoCloseable {

	private final Connection connection;

	private final long key;

	private DeliveryLock(Connection connection, long key) {
		this.connection = connection;
		this.key = key;
	}

	/**
	 * Takes the lock on {@code delivery}, or says who holds it.
	 * @return the lock, or empty when another process holds it ({@link #holder} says who)
	 */
	public static Optional<DeliveryLock> tryLock(DataSource dataSource, String job, String delivery)
			throws SQLException {
		long key = key(job, delivery);
		Connection connection = dataSource.getConnection();
		try {
			connection.setAutoCommit(true);
			try (PreparedStatement name = connection.prepareStatement("select set_config('application_name', ?, false)")) {
				name.setString(1, "archive " + job + " pid " + ProcessHandle.current().pid() + " on " + hostName());
				name.execute();
			}
			try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
				lock.setLong(1, key);
				try (ResultSet rs = lock.executeQuery()) {
					rs.next();
					if (rs.getBoolean(1)) {
						return Optional.of(new DeliveryLock(connection, key));
					}
				}
			}
			connection.close();
			return Optional.empty();
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	/** Who holds the lock on {@code delivery}: the application name and since when, as the register knows it. */
	public static String holder(DataSource dataSource, String job, String delivery) throws SQLException {
		long key = key(job, delivery);
		try (Connection connection = dataSource.getConnection();
				PreparedStatement query = connection.prepareStatement("""
						select a.application_name, a.client_addr, a.backend_start
						from pg_locks l join pg_stat_activity a on a.pid = l.pid
						where l.locktype = 'advisory' and l.objid = ? and l.granted""")) {
			query.setLong(1, key);
			try (ResultSet rs = query.executeQuery()) {
				if (rs.next()) {
					return rs.getString(1) + " (" + (rs.getString(2) != null ? rs.getString(2) : "local")
							+ ", since " + rs.getTimestamp(3).toInstant() + ")";
				}
				return "another process";
			}
		}
	}

	/**
	 * Which of {@code deliveries} are locked at this moment, by any process, in one query: a run that the job
	 * repository still calls running but whose delivery is not locked was left behind by a process that died.
	 */
	public static Set<String> locked(DataSource dataSource, String job, Collection<String> deliveries)
			throws SQLException {
		Set<Long> held = new HashSet<>();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement query = connection.prepareStatement("""
						select objid from pg_locks
						where locktype = 'advisory' and granted and classid = 0 and objsubid = 1
						and database = (select oid from pg_database where datname = current_database())""");
				ResultSet rs = query.executeQuery()) {
			while (rs.next()) {
				held.add(rs.getLong(1));
			}
		}
		Set<String> locked = new HashSet<>();
		for (String delivery : deliveries) {
			if (held.contains(key(job, delivery))) {
				locked.add(delivery);
			}
		}
		return locked;
	}

	private static long key(String job, String delivery) {
		return (job + ":" + delivery).hashCode() & 0xffffffffL;
	}

	private static String hostName() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.net.UnknownHostException ex) {
			return "unknown host";
		}
	}

	@Override
	public void close() throws SQLException {
		try (PreparedStatement unlock = this.connection.prepareStatement("select pg_advisory_unlock(?)")) {
			unlock.setLong(1, this.key);
			unlock.execute();
		}
		finally {
			this.connection.close();
		}
	}

}
