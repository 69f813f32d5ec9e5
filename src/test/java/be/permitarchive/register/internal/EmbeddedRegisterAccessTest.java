package be.permitarchive.register.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Who may use the embedded register: the program, with the passwords only its account can read, and as a role that
 * cannot run programs on the machine; no other local account, and no one without a password.
 */
class EmbeddedRegisterAccessTest {

	private static final String OTHER_ACCOUNT = "archive-probe-" + UUID.randomUUID().toString().substring(0, 8);

	private static boolean otherAccountCreated;

	@TempDir
	Path dir;

	@BeforeAll
	static void createAnotherLocalAccount() throws Exception {
		if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/useradd"))) {
			otherAccountCreated = run(List.of("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin",
					OTHER_ACCOUNT)).exit() == 0;
		}
	}

	@AfterAll
	static void removeTheOtherAccount() throws Exception {
		if (otherAccountCreated) {
			run(List.of("userdel", OTHER_ACCOUNT));
		}
	}

	@Test
	void anotherLocalAccountCannotConnectWithoutThePassword() throws Exception {
		assumeTrue(otherAccountCreated, "needs root to create a second local account (useradd) for psql to run as");
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/psql")), "needs /usr/bin/psql");
		try (EmbeddedRegister register = EmbeddedRegister.start(this.dir.resolve("register"), 0)) {
			for (String role : List.of(EmbeddedRegister.SUPERUSER, EmbeddedRegister.APPLICATION_ROLE)) {
				// when
				Result refused = psqlAsOtherAccount(register.port(), role, List.of());

				// then
				assertThat(refused.exit()).as("psql as %s without the password: %s", role, refused.output())
					.isNotZero();
				assertThat(refused.output()).contains("password");
			}
			Result withPassword = psqlAsOtherAccount(register.port(), EmbeddedRegister.APPLICATION_ROLE,
					List.of("PGPASSWORD=" + passwords(register).application()));
			assertThat(withPassword.exit()).as("the same psql with the password: %s", withPassword.output()).isZero();
		}
	}

	@Test
	void theApplicationConnectsAsARoleThatCannotRunPrograms() throws Exception {
		try (EmbeddedRegister register = EmbeddedRegister.start(this.dir.resolve("register"), 0);
				Connection connection = DriverManager.getConnection(register.jdbcUrl());
				Statement statement = connection.createStatement()) {
			// when / then
			assertThatThrownBy(() -> statement.execute("copy (select 1) to program 'id'"))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("pg_execute_server_program");
			try (ResultSet rs = statement.executeQuery("select current_user, r.rolsuper, r.rolcreatedb, "
					+ "pg_has_role(current_user, 'pg_execute_server_program', 'member'), "
					+ "pg_has_role(current_user, 'pg_read_server_files', 'member'), "
					+ "(select pg_get_userbyid(datdba) from pg_database where datname = current_database()) "
					+ "from pg_roles r where r.rolname = current_user")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo(EmbeddedRegister.APPLICATION_ROLE);
				assertThat(rs.getBoolean(2)).as("superuser").isFalse();
				assertThat(rs.getBoolean(3)).as("may create databases").isFalse();
				assertThat(rs.getBoolean(4)).as("may run programs").isFalse();
				assertThat(rs.getBoolean(5)).as("may read the server's files").isFalse();
				assertThat(rs.getString(6)).as("owner of the register database")
					.isEqualTo(EmbeddedRegister.APPLICATION_ROLE);
			}
		}
	}

	@Test
	void nobodyIsTrustedAndThePasswordsAreReadableByTheirOwnerOnly() throws Exception {
		Path data = this.dir.resolve("register");
		try (EmbeddedRegister register = EmbeddedRegister.start(data, 0)) {
			Path pgpass = EmbeddedRegister.passwordFile(data);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pgpass))).isEqualTo("rw-------");
			assertThat(activeRules(data.resolve("pg_hba.conf"))).noneMatch((rule) -> rule.contains("trust"))
				.allMatch((rule) -> rule.endsWith("scram-sha-256"));
			assertRefusedWithoutPassword(register.port());
		}
	}

	@Test
	void aRegisterCreatedWithTrustIsUpgradedInPlaceAndKeepsItsData() throws Exception {
		// given: a register as an older version left it: trust, no passwords, everything the superuser's
		Path data = this.dir.resolve("register");
		makeOldStyle(data);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		Logger logger = (Logger) LoggerFactory.getLogger(EmbeddedRegister.class);
		logger.addAppender(logged);

		// when
		try (EmbeddedRegister register = EmbeddedRegister.start(data, 0);
				Connection connection = DriverManager.getConnection(register.jdbcUrl());
				Statement statement = connection.createStatement()) {

			// then: the data is there and the application role may use it
			statement.execute("insert into dossier_probe (folder) values ('1992-0031')");
			try (ResultSet rs = statement.executeQuery("select string_agg(folder, ',' order by id) from dossier_probe")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("1987-0456,1992-0031");
			}
			assertThat(activeRules(data.resolve("pg_hba.conf"))).noneMatch((rule) -> rule.contains("trust"));
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
					EmbeddedRegister.passwordFile(data)))).isEqualTo("rw-------");
			assertRefusedWithoutPassword(register.port());
		}
		finally {
			logger.detachAppender(logged);
		}
		assertThat(logged.list).map(ILoggingEvent::getFormattedMessage)
			.anyMatch((message) -> message.contains("trust authentication") && message.contains("upgrading"));
	}

	@Test
	void aLostPasswordFileIsNamedAndTrustForOneStartSetsNewPasswords() throws Exception {
		// given
		Path data = this.dir.resolve("register");
		EmbeddedRegister.start(data, 0).close();
		Path pgpass = EmbeddedRegister.passwordFile(data);
		Files.delete(pgpass);

		// when / then: no way in without it, and the message says what to do
		assertThatThrownBy(() -> EmbeddedRegister.start(data, 0)).isInstanceOf(RegisterUnavailableException.class)
			.hasMessageContaining(pgpass.toString())
			.hasMessageContaining("restore it from a backup");

		// and: trust in pg_hba.conf for one start gives the register new passwords
		Path hba = data.resolve("pg_hba.conf");
		Files.writeString(hba, Files.readString(hba).replace("scram-sha-256", "trust"));
		try (EmbeddedRegister register = EmbeddedRegister.start(data, 0);
				Connection connection = DriverManager.getConnection(register.jdbcUrl())) {
			assertThat(connection.isValid(5)).isTrue();
			assertThat(pgpass).exists();
			assertThat(activeRules(hba)).noneMatch((rule) -> rule.contains("trust"));
			assertRefusedWithoutPassword(register.port());
		}
	}

	/**
	 * Turns a new register into what an older version created: the table of a migration and the database owned by
	 * the superuser, no application role, no passwords, {@code pg_hba.conf} as {@code initdb -A trust} writes it.
	 */
	private static void makeOldStyle(Path data) throws Exception {
		try (EmbeddedRegister register = EmbeddedRegister.start(data, 0)) {
			RegisterPasswords passwords = passwords(register);
			try (Connection connection = superuser(register.port(), EmbeddedRegister.DATABASE, passwords);
					Statement statement = connection.createStatement()) {
				statement.execute("create table dossier_probe (id bigserial primary key, folder text)");
				statement.execute("insert into dossier_probe (folder) values ('1987-0456')");
				statement.execute("alter schema public owner to postgres");
			}
			try (Connection connection = superuser(register.port(), "postgres", passwords);
					Statement statement = connection.createStatement()) {
				statement.execute("alter database register owner to postgres");
				statement.execute("drop role archive");
				statement.execute("alter role postgres password null");
			}
		}
		Files.writeString(data.resolve("pg_hba.conf"), """
				local   all             all                                     trust
				host    all             all             127.0.0.1/32            trust
				host    all             all             ::1/128                 trust
				local   replication     all                                     trust
				host    replication     all             127.0.0.1/32            trust
				""", StandardCharsets.UTF_8);
		Files.delete(EmbeddedRegister.passwordFile(data));
	}

	private static void assertRefusedWithoutPassword(int port) {
		for (String role : List.of(EmbeddedRegister.SUPERUSER, EmbeddedRegister.APPLICATION_ROLE)) {
			assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/register"
					+ "?user=" + role).close())
				.as(role + " without a password")
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("password");
		}
	}

	private static List<String> activeRules(Path hba) throws IOException {
		return Files.readAllLines(hba).stream()
			.map((line) -> line.replaceAll("#.*", "").strip())
			.filter((line) -> !line.isEmpty())
			.toList();
	}

	private static RegisterPasswords passwords(EmbeddedRegister register) throws IOException {
		return RegisterPasswords.read(EmbeddedRegister.passwordFile(register.dataDir())).orElseThrow();
	}

	private static Connection superuser(int port, String database, RegisterPasswords passwords) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", EmbeddedRegister.SUPERUSER);
		properties.setProperty("password", passwords.superuser());
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
	}

	private static Result psqlAsOtherAccount(int port, String role, List<String> environment) throws Exception {
		List<String> command = new ArrayList<>(List.of("runuser", "-u", OTHER_ACCOUNT, "--", "env", "-i"));
		command.addAll(environment);
		command.addAll(List.of("/usr/bin/psql", "-w", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", role,
				"-d", EmbeddedRegister.DATABASE, "-c", "select 1"));
		return run(command);
	}

	private static Result run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(command + " did not finish within a minute");
		}
		return new Result(process.exitValue(), output);
	}

	private record Result(int exit, String output) {
	}

}
