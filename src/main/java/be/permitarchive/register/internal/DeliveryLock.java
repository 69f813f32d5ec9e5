package be.permitarchive.register.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lock on one delivery, held in the register as a PostgreSQL advisory lock on its own connection: it works across
 * machines, and it is released when the holder's process dies, however it dies.
 * <p>
 * The key is the delivery's id in the {@code delivery} table (unique by its path), so two deliveries never share a
 * lock. It is the one-number form of the advisory lock with {@link #NAMESPACE} as its upper half and the id as its
 * lower half: {@code pg_locks} shows it as {@code classid = NAMESPACE, objid = id, objsubid = 1}, apart from
 * Flyway's migration lock (the same form, another upper half) and the partition locks (the two-number form,
 * {@code objsubid = 2}).
 * <p>
 * A lock is also lost while its process lives when its session ends (the connection broken, the backend terminated
 * by an administrator or a failover): {@link #held()} says whether it is still held, and a holder that finds it lost
 * must stop writing, for another process may now take it.
 */
public final class DeliveryLock implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLock.class);

	/** The upper half of every delivery lock's key: "delv" in ASCII. */
	static final int NAMESPACE = 0x64656c76;

	/** How long {@link #held()} waits for the register before it calls the lock lost. */
	private static final int CHECK_SECONDS = 5;

	private static final Executor CLOSE_IN_CALLER = Runnable::run;

	private final Connection connection;

	private final long deliveryId;

	/** The register's process of the lock's session: who holds it, in {@code pg_locks}. */
	private final int backendPid;

	private DeliveryLock(Connection connection, long deliveryId, int backendPid) {
		this.connection = connection;
		this.deliveryId = deliveryId;
		this.backendPid = backendPid;
	}

	/**
	 * Takes the lock on {@code delivery} (an absolute path), recording the delivery in the register when it is new,
	 * or says who holds it.
	 * @param job the job that takes it, named in the holder's description
	 * @return the lock, or empty when another process holds it ({@link #holder} says who)
	 */
	public static Optional<DeliveryLock> tryLock(DataSource dataSource, String job, String delivery)
			throws SQLException {
		Connection connection = dataSource.getConnection();
		try {
			connection.setAutoCommit(true);
			try (PreparedStatement name = connection.prepareStatement("select set_config('application_name', ?, false)")) {
				name.setString(1, "archive " + job + " pid " + ProcessHandle.current().pid() + " on " + hostName());
				name.execute();
			}
			long id = deliveryId(connection, delivery);
			try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
				lock.setLong(1, key(id));
				try (ResultSet rs = lock.executeQuery()) {
					rs.next();
					if (rs.getBoolean(1)) {
						// a check of a broken connection ends within its own timeout, not TCP's
						connection.setNetworkTimeout(CLOSE_IN_CALLER, (int) TimeUnit.SECONDS.toMillis(CHECK_SECONDS * 2));
						return Optional.of(new DeliveryLock(connection, id, backendPid(connection)));
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
	public static Holder holder(DataSource dataSource, String job, String delivery) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement query = connection.prepareStatement("""
						select a.application_name, a.client_addr, a.backend_start
						from delivery d
						join pg_locks l on l.locktype = 'advisory' and l.granted and l.classid::bigint = ?
						  and l.objid::bigint = d.id and l.objsubid = 1
						  and l.database = (select oid from pg_database where datname = current_database())
						join pg_stat_activity a on a.pid = l.pid
						where d.path = ?""")) {
			query.setLong(1, NAMESPACE);
			query.setString(2, delivery);
			try (ResultSet rs = query.executeQuery()) {
				if (rs.next()) {
					return new Holder(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant());
				}
				return new Holder(null, null, null);
			}
		}
	}

	/**
	 * The process that holds a delivery's lock, as the register knows it; all null when it cannot tell.
	 * @param application its application name ({@code archive ingest pid ...})
	 * @param address its client address, null for a local connection
	 * @param since when its session started
	 */
	public record Holder(String application, String address, java.time.Instant since) {

		public boolean known() {
			return this.application != null;
		}

		@Override
		public String toString() {
			return known() ? this.application + " (" + ((this.address != null) ? this.address : "local") + ", since "
					+ this.since + ")" : "another process";
		}

	}

	/**
	 * Which of {@code deliveries} are locked at this moment, by any process, in one query: a run that the job
	 * repository still calls running but whose delivery is not locked was left behind by a process that died.
	 */
	public static Set<String> locked(DataSource dataSource, String job, Collection<String> deliveries)
			throws SQLException {
		Set<String> locked = new HashSet<>();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement query = connection.prepareStatement("""
						select d.path from delivery d
						join pg_locks l on l.locktype = 'advisory' and l.granted and l.classid::bigint = ?
						  and l.objid::bigint = d.id and l.objsubid = 1
						  and l.database = (select oid from pg_database where datname = current_database())
						where d.path = any (?)""")) {
			query.setLong(1, NAMESPACE);
			query.setArray(2, connection.createArrayOf("text", deliveries.toArray()));
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					locked.add(rs.getString(1));
				}
			}
		}
		return locked;
	}

	/**
	 * Whether this process still holds the lock: its connection works and the register still shows the lock held by
	 * this connection's session. False when the register cannot tell within a few seconds.
	 */
	public boolean held() {
		try {
			if (!this.connection.isValid(CHECK_SECONDS)) {
				return false;
			}
			try (PreparedStatement query = this.connection.prepareStatement("""
					select exists (select 1 from pg_locks where locktype = 'advisory' and granted
					  and pid = pg_backend_pid() and classid::bigint = ? and objid::bigint = ? and objsubid = 1)""")) {
				query.setQueryTimeout(CHECK_SECONDS);
				query.setLong(1, NAMESPACE);
				query.setLong(2, this.deliveryId);
				try (ResultSet rs = query.executeQuery()) {
					return rs.next() && rs.getBoolean(1);
				}
			}
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * Whether this lock's session still holds it, asked on a connection of {@code dataSource}: in the caller's
	 * transaction when there is one, so that a transaction that asks before it commits writes only while the lock is
	 * held. (Should the lock be lost between the question and the commit, and another process recover the run at
	 * that moment, Spring Batch's version check on the step execution refuses the commit.)
	 */
	public boolean heldInTransaction(DataSource dataSource) {
		return JdbcClient.create(dataSource).sql("""
				select exists (select 1 from pg_locks where locktype = 'advisory' and granted
				  and pid = :pid and classid::bigint = :namespace and objid::bigint = :id and objsubid = 1
				  and database = (select oid from pg_database where datname = current_database()))""")
			.param("pid", this.backendPid)
			.param("namespace", (long) NAMESPACE)
			.param("id", this.deliveryId)
			.query(Boolean.class)
			.single();
	}

	/** The delivery's id in the register. */
	public long deliveryId() {
		return this.deliveryId;
	}

	/** The delivery's row, created when new, without touching it otherwise (the lock is not taken yet). */
	private static long deliveryId(Connection connection, String delivery) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into delivery (path, name) values (?, ?) on conflict (path) do nothing""")) {
			Path name = Path.of(delivery).getFileName();
			insert.setString(1, delivery);
			insert.setString(2, (name != null) ? name.toString() : delivery);
			insert.execute();
		}
		try (PreparedStatement select = connection.prepareStatement("select id from delivery where path = ?")) {
			select.setString(1, delivery);
			try (ResultSet rs = select.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static int backendPid(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("select pg_backend_pid()");
				ResultSet rs = query.executeQuery()) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private static long key(long deliveryId) {
		if (deliveryId < 0 || deliveryId > 0xffffffffL) {
			throw new IllegalStateException("delivery id " + deliveryId + " does not fit the lower half of a lock key");
		}
		return ((long) NAMESPACE << 32) | deliveryId;
	}

	private static String hostName() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.net.UnknownHostException ex) {
			return "unknown host";
		}
	}

	/**
	 * Releases the lock. A lock already lost with its session needs no release: its connection is discarded, never
	 * returned to the pool holding a lock.
	 */
	@Override
	public void close() throws SQLException {
		try (PreparedStatement unlock = this.connection.prepareStatement("select pg_advisory_unlock(?)")) {
			unlock.setLong(1, key(this.deliveryId));
			unlock.execute();
		}
		catch (SQLException ex) {
			log.debug("The delivery lock's session has ended; nothing to release", ex);
			this.connection.abort(CLOSE_IN_CALLER);
		}
		finally {
			this.connection.close();
		}
	}

}
