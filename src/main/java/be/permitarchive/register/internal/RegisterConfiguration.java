package be.permitarchive.register.internal;

import be.permitarchive.register.RegisterProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The register's data source: the external PostgreSQL named by {@code register.url}, or the embedded register.
 * Flyway (Boot auto-configuration) migrates it and the Spring Batch job repository lives in it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegisterProperties.class)
class RegisterConfiguration {

	@Bean(destroyMethod = "close")
	RegisterServer registerServer(RegisterProperties properties) {
		if (!properties.embedded()) {
			return RegisterServer.external(properties.url());
		}
		return RegisterServer.embedded(EarlyRegisterStart.take(properties.dataDir(), properties.port()));
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(RegisterServer server, RegisterProperties properties) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(withBatchedInserts(server.jdbcUrl()));
		if (!properties.embedded()) {
			config.setUsername(properties.username());
			config.setPassword(properties.password());
		}
		config.setMaximumPoolSize(8);
		// idle, a process holds one connection, not eight: a nightly run, a report and a test suite's cached
		// contexts share one server's max_connections (100 by default)
		config.setMinimumIdle(1);
		config.setPoolName("register");
		// pg_stat_activity (and pg_locks through it) says which process holds what: with workers on several
		// machines, which one runs a partition
		config.addDataSourceProperty("ApplicationName", "archive " + ProcessHandle.current().pid() + "@"
				+ hostName());
		config.setInitializationFailTimeout(10_000);
		// how long a request waits for a connection (default 30 s): a register that has gone away is found out
		// after one such wait, and then every request fails at once (RegisterDataSource)
		config.setConnectionTimeout(10_000);
		return RegisterDataSource.open(config, RegisterLocation.of(properties));
	}

	private static String hostName() {
		// not InetAddress.getLocalHost(): a name lookup can take seconds where DNS is slow
		String name = System.getenv("HOSTNAME");
		if (name == null || name.isBlank()) {
			try {
				name = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
			}
			catch (java.io.IOException | RuntimeException ex) {
				name = "";
			}
		}
		return name.isBlank() ? "localhost" : name;
	}

	private static String withBatchedInserts(String url) {
		if (url.contains("reWriteBatchedInserts")) {
			return url;
		}
		return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
	}

	/**
	 * The server behind the data source; closing it gives up this process's share of an embedded server, which stops
	 * it when no other command uses it.
	 */
	record RegisterServer(String jdbcUrl, EmbeddedRegister embedded) implements AutoCloseable {

		static RegisterServer external(String url) {
			return new RegisterServer(url, null);
		}

		static RegisterServer embedded(EmbeddedRegister register) {
			return new RegisterServer(register.jdbcUrl(), register);
		}

		@Override
		public void close() {
			if (this.embedded != null) {
				this.embedded.close();
			}
		}

	}

}
