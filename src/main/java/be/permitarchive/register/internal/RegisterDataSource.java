package be.permitarchive.register.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register's connection pool, which gives up at once on a register that has gone away. Once a connection could
 * not be had because the register cannot be reached (not only because the pool was busy), every request fails
 * straight away for {@link #FAIL_FAST}, with the same cause, instead of each waiting out the connection timeout:
 * a run whose register died reports it within one timeout, not after one per step, partition and listener. Then
 * the pool is tried again (a worker outlives a restart of the register).
 */
final class RegisterDataSource extends HikariDataSource {

	private static final Logger log = LoggerFactory.getLogger(RegisterDataSource.class);

	/** How long requests fail at once after the register was found unreachable. */
	static final Duration FAIL_FAST = Duration.ofSeconds(30);

	private final RegisterLocation location;

	private volatile RegisterUnreachableException unreachable;

	private volatile long unreachableSince;

	private RegisterDataSource(HikariConfig config, RegisterLocation location) {
		super(config);
		this.location = location;
	}

	/**
	 * Opens the pool.
	 * @throws RegisterUnavailableException when the register cannot be reached within the pool's initialization
	 * timeout
	 */
	static RegisterDataSource open(HikariConfig config, RegisterLocation location) {
		try {
			return new RegisterDataSource(config, location);
		}
		catch (PoolInitializationException ex) {
			throw new RegisterUnavailableException(String.valueOf(
					(ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage()), location, ex);
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		RegisterUnreachableException known = this.unreachable;
		if (known != null && System.nanoTime() - this.unreachableSince < FAIL_FAST.toNanos()) {
			throw new RegisterUnreachableException(known.getMessage(), this.location, (SQLException) known.getCause());
		}
		try {
			Connection connection = super.getConnection();
			this.unreachable = null;
			return connection;
		}
		catch (SQLTransientConnectionException ex) {
			if (!(ex.getCause() instanceof SQLException cause)) {
				throw ex; // only busy: every connection in use
			}
			RegisterUnreachableException gone = new RegisterUnreachableException(cause.getMessage(), this.location,
					cause);
			if (this.unreachable == null) {
				log.error("The register cannot be reached ({}); requests fail at once for the next {} s",
						cause.getMessage(), FAIL_FAST.toSeconds(), ex);
			}
			this.unreachableSince = System.nanoTime();
			this.unreachable = gone;
			throw gone;
		}
	}

}
