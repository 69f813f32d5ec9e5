package be.permitarchive.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import be.permitarchive.register.internal.EmbeddedRegister;

/**
 * A real PostgreSQL for tests: the server named by {@code REGISTER_TEST_URL} (CI sets it to the machine's
 * PostgreSQL), or else the embedded register, started once per test run in {@code target/test-register}. Each call
 * of {@link #newDatabase()} creates a fresh, empty database on it, so test classes never see each other's rows.
 */
public final class TestRegister {

	private static String serverUrl;

	/** The embedded test register, when there is no external one: it creates the databases (as its superuser). */
	private static EmbeddedRegister embedded;

	private static final java.util.List<String> created = new java.util.ArrayList<>();

	private TestRegister() {
	}

	/** A JDBC URL of a new, empty database. */
	public static synchronized String newDatabase() {
		String server = serverUrl();
		String name = "archive_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
			.toLowerCase(Locale.ROOT);
		if (embedded != null) {
			embedded.createDatabase(name); // owned by the application role, which may not create databases itself
			return embedded.jdbcUrl(name);
		}
		try (Connection connection = DriverManager.getConnection(server);
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name + " encoding 'UTF8' template template0");
			if (created.isEmpty()) {
				Runtime.getRuntime().addShutdownHook(new Thread(TestRegister::dropCreated));
			}
			created.add(name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database on " + server + ": " + ex.getMessage(), ex);
		}
		return withDatabase(server, name);
	}

	/** Drops the test databases when the test JVM ends, so a shared server does not fill up. */
	private static synchronized void dropCreated() {
		if (!external()) {
			return; // the embedded test register lives in target/ and goes with it
		}
		try (Connection connection = DriverManager.getConnection(serverUrl);
				Statement statement = connection.createStatement()) {
			for (String name : created) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
		}
		catch (SQLException ex) {
			System.err.println("Test databases not dropped: " + ex.getMessage());
		}
	}

	/** Whether the tests run against an external server (REGISTER_TEST_URL) rather than the embedded one. */
	public static boolean external() {
		String url = System.getenv("REGISTER_TEST_URL");
		return url != null && !url.isBlank();
	}

	private static String serverUrl() {
		if (serverUrl == null) {
			if (external()) {
				serverUrl = System.getenv("REGISTER_TEST_URL");
			}
			else {
				embedded = EmbeddedRegister.start(Path.of("target", "test-register"), 0);
				Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
				serverUrl = embedded.jdbcUrl();
			}
		}
		return serverUrl;
	}

	static String withDatabase(String url, String database) {
		int slash = url.indexOf('/', "jdbc:postgresql://".length());
		int query = url.indexOf('?');
		String base = url.substring(0, slash + 1);
		String params = (query >= 0) ? url.substring(query) : "";
		return base + database + params;
	}

}
