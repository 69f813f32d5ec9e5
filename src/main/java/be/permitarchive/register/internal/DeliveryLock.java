package be.permitarchive.register.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

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
		long key = (job + ":" + delivery).hashCode() & 0xffffffffL;
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
		long key = (job + ":" + delivery).hashCode() & 0xffffffffL;
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
