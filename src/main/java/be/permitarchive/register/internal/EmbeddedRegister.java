package be.permitarchive.register.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded register: a PostgreSQL server from the zonky binaries on Maven Central, with a persistent data
 * directory, so that a new user needs no database server.
 * <p>
 * PostgreSQL refuses to run as root. When this process is root (CI, containers), the server processes are started in
 * a user namespace ({@code unshare --user --map-user}) where they are an ordinary user; the files stay owned by root.
 * <p>
 * <b>Access.</b> The server listens on 127.0.0.1 only, without a Unix socket, and asks every connection for its
 * password (scram-sha-256; {@code pg_hba.conf} trusts nothing). The passwords are generated when the register is
 * created and kept in {@code <data>.pgpass}, readable by its owner only ({@link RegisterPasswords}). The program
 * connects as {@value #APPLICATION_ROLE}, which owns the {@value #DATABASE} database and is no superuser (so it cannot
 * run programs with {@code COPY ... TO PROGRAM}, nor read the server's files); the superuser {@value #SUPERUSER}
 * only sets things up. A password over TCP rather than a Unix socket in an owner-only folder: the PostgreSQL JDBC
 * driver speaks TCP only, a socket would need a native socket factory (junixsocket) in every command, and the
 * password protects the same from every other local account. A register created by an older version (trust
 * authentication, everything owned by the superuser) is upgraded in place when it is next opened, and the log says so.
 * <p>
 * <b>Who stops it.</b> A server already running on the data directory (another {@code archive} command, or one left
 * by a command that was killed) is used, not started twice. Every command holds a share of the server's lease while
 * it uses it, and the last one to close stops it, whoever started it ({@link ServerLease}); creating and starting
 * happen one command at a time, the others wait and then attach. PostgreSQL's own lock on the data directory
 * ({@code postmaster.pid}) is left to PostgreSQL: when it refuses to start because of that file, the message names it.
 */
public final class EmbeddedRegister implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRegister.class);

	static final String DATABASE = "register";

	/** The bootstrap superuser: setup only. */
	static final String SUPERUSER = "postgres";

	/** The role the program connects as: owns the register database, no superuser. */
	static final String APPLICATION_ROLE = "archive";

	private static final String BINARIES_VERSION = "14";

	private static final String PG_HBA = """
			# Written by the permit archive: every connection needs its password (scram-sha-256), nothing is trusted.
			# The passwords are in the .pgpass file beside this data directory (owner-only).
			# TYPE  DATABASE  USER  ADDRESS       METHOD
			local   all       all                 scram-sha-256
			host    all       all   127.0.0.1/32  scram-sha-256
			host    all       all   ::1/128       scram-sha-256
			""";

	private final Path dataDir;

	private final int port;

	private final RegisterPasswords passwords;

	private final ServerLease lease;

	private final AtomicBoolean closed = new AtomicBoolean();

	private EmbeddedRegister(Path dataDir, int port, RegisterPasswords passwords, ServerLease lease) {
		this.dataDir = dataDir;
		this.port = port;
		this.passwords = passwords;
		this.lease = lease;
	}

	/**
	 * Starts the server on {@code dataDir} (creating the cluster on first use), or attaches to the one already
	 * running there; either way this command holds a share of it until {@link #close}.
	 * @param port the TCP port on 127.0.0.1, or 0 for any free port
	 */
	public static EmbeddedRegister start(Path dataDir, int port) {
		Path dir = dataDir.toAbsolutePath().normalize();
		ServerLease lease = ServerLease.of(dir);
		try {
			return lease.join(() -> startOrAttach(dir, port, lease), () -> stop(dir));
		}
		catch (IOException ex) {
			throw new RegisterUnavailableException("Cannot start the embedded register in " + dataDir + ": "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * The application's connection: as {@value #APPLICATION_ROLE}, with its password in the URL (so that the URL is
	 * all a test or a child process needs). Not for logs or messages.
	 */
	public String jdbcUrl() {
		return jdbcUrl(DATABASE);
	}

	/** {@link #jdbcUrl()} for another database on this server, such as one from {@link #createDatabase}. */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database + "?user=" + APPLICATION_ROLE
				+ "&password=" + this.passwords.application();
	}

	public int port() {
		return this.port;
	}

	public Path dataDir() {
		return this.dataDir;
	}

	/** The owner-only file with the passwords of the register on {@code dataDir}. */
	public static Path passwordFile(Path dataDir) {
		Path dir = dataDir.toAbsolutePath().normalize();
		return dir.resolveSibling(dir.getFileName() + ".pgpass");
	}

	/**
	 * Creates an empty database owned by the application role (test registers; the application role may not create
	 * databases itself), unless it exists.
	 * @param name a plain lower-case SQL identifier
	 */
	public void createDatabase(String name) {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Connection admin = connectAsSuperuser(this.port, "postgres", this.passwords)) {
			if (createDatabaseIfMissing(admin, name)) {
				try (Connection database = connectAsSuperuser(this.port, name, this.passwords)) {
					handOverToApplication(database);
				}
			}
		}
		catch (SQLException ex) {
			throw new RegisterUnavailableException("Cannot create the database " + name + " in the embedded register: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Gives up this command's share of the server; the last command to do so, in this JVM or another, stops it
	 * (whoever started it). Closing twice is closing once.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.lease.leave(() -> stop(this.dataDir));
		}
	}

	private static EmbeddedRegister startOrAttach(Path dir, int port, ServerLease lease) throws IOException {
		Optional<Postmaster> running = Postmaster.running(dir);
		int actualPort;
		if (running.isPresent()) {
			actualPort = running.get().port();
		}
		else {
			Path binaries = extractBinaries();
			if (!Files.exists(dir.resolve("PG_VERSION"))) {
				initdb(binaries, dir, knownOrNewPasswords(passwordFile(dir)));
			}
			actualPort = startServer(binaries, dir, port);
		}
		return new EmbeddedRegister(dir, actualPort, secure(dir, actualPort), lease);
	}

	private static int startServer(Path binaries, Path dir, int port) throws IOException {
		int chosenPort = (port > 0) ? port : freePort();
		Path logFile = dir.resolveSibling(dir.getFileName() + ".log");
		try {
			run(binaries, logFile, "pg_ctl", "-D", dir.toString(), "-w", "-t", "120", "-l", logFile.toString(), "-o",
					"-p " + chosenPort + " -c listen_addresses=127.0.0.1 -c unix_socket_directories= "
							+ "-c password_encryption=scram-sha-256 -c fsync=on -c max_connections=60",
					"start");
		}
		catch (IOException ex) {
			Path pidFile = dir.resolve("postmaster.pid");
			if (Files.exists(pidFile)) {
				// PostgreSQL's lock on its data directory: not ours to break, a server may be starting there
				throw new RegisterUnavailableException("The embedded register in " + dir + " did not start: "
						+ "PostgreSQL does not use its data directory while " + pidFile + " says that another server "
						+ "may run there. If none does (ps -ef | grep postgres), delete that file and try again.\n"
						+ ex.getMessage(), ex);
			}
			throw ex;
		}
		return Postmaster.running(dir).map(Postmaster::port).orElseThrow(() -> new RegisterUnavailableException(
				"The embedded register did not start; see " + logFile));
	}

	/**
	 * Makes sure that the server asks every connection for its password and that the application has its role and
	 * its database. A register created by an older version (trust authentication, no passwords, everything owned by
	 * the superuser) is upgraded in place: passwords set, objects handed over, {@code pg_hba.conf} rewritten and
	 * reloaded. Each step can be repeated, so an upgrade cut short is finished by the next start.
	 */
	private static RegisterPasswords secure(Path dir, int port) throws IOException {
		Path hba = dir.resolve("pg_hba.conf");
		boolean trusting = trusts(hba);
		Path file = passwordFile(dir);
		if (!trusting && !Files.exists(file)) {
			throw new RegisterUnavailableException("The embedded register in " + dir + " asks for passwords, but its "
					+ "password file " + file + " is missing: restore it from a backup, or, for new passwords, set the method "
					+ "of the host lines in " + hba + " to trust: the next start then sets new ones (as for a register "
					+ "of an older version)");
		}
		RegisterPasswords passwords = knownOrNewPasswords(file);
		if (trusting) {
			log.warn("The embedded register in {} lets every local account in as its superuser (trust authentication, "
					+ "created by an older version): upgrading it to passwords, kept in {}", dir, file);
		}
		try (Connection admin = connectAsSuperuser(port, "postgres", passwords)) {
			if (trusting) {
				setPassword(admin, SUPERUSER, passwords.superuser());
			}
			ensureApplicationRole(admin, passwords, trusting);
			if (createDatabaseIfMissing(admin, DATABASE) || handOverDatabase(admin)) {
				try (Connection register = connectAsSuperuser(port, DATABASE, passwords)) {
					handOverToApplication(register);
				}
			}
			if (trusting) {
				writeOwnerOnly(hba, PG_HBA);
				try (Statement statement = admin.createStatement()) {
					statement.execute("select pg_reload_conf()");
				}
				log.warn("The embedded register in {} now asks every connection for its password; the program connects "
						+ "as {}, which owns the database {} and is no superuser", dir, APPLICATION_ROLE, DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new RegisterUnavailableException("The embedded register started but cannot be set up: "
					+ ex.getMessage(), ex);
		}
		return passwords;
	}

	private static RegisterPasswords knownOrNewPasswords(Path file) throws IOException {
		Optional<RegisterPasswords> known = RegisterPasswords.read(file);
		if (known.isPresent()) {
			return known.get();
		}
		RegisterPasswords passwords = RegisterPasswords.generate();
		passwords.write(file);
		return passwords;
	}

	/** Whether {@code pg_hba.conf} lets anyone in without a password (as initdb -A trust wrote it). */
	private static boolean trusts(Path hba) throws IOException {
		for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
			int comment = line.indexOf('#');
			String rule = (comment >= 0) ? line.substring(0, comment) : line;
			if (List.of(rule.trim().split("\\s+")).contains("trust")) {
				return true;
			}
		}
		return false;
	}

	private static void ensureApplicationRole(Connection admin, RegisterPasswords passwords, boolean upgrading)
			throws SQLException {
		boolean exists;
		try (PreparedStatement query = admin.prepareStatement("select 1 from pg_roles where rolname = ?")) {
			query.setString(1, APPLICATION_ROLE);
			try (ResultSet rs = query.executeQuery()) {
				exists = rs.next();
			}
		}
		try (Statement statement = admin.createStatement()) {
			if (!exists) {
				statement.execute("create role " + APPLICATION_ROLE + " login");
			}
			statement.execute("alter role " + APPLICATION_ROLE
					+ " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
		}
		if (!exists || upgrading) {
			setPassword(admin, APPLICATION_ROLE, passwords.application());
		}
	}

	/** Sets a password as its SCRAM verifier, computed here: the password itself never reaches the server's log. */
	private static void setPassword(Connection admin, String role, String password) throws SQLException {
		admin.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
	}

	/** Creates the database, owned by the application role, unless it exists; whether it was created. */
	private static boolean createDatabaseIfMissing(Connection admin, String name) throws SQLException {
		try (PreparedStatement query = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
			query.setString(1, name);
			try (ResultSet rs = query.executeQuery()) {
				if (rs.next()) {
					return false;
				}
			}
		}
		try (Statement statement = admin.createStatement()) {
			statement.execute("create database " + name + " owner " + APPLICATION_ROLE
					+ " encoding 'UTF8' template template0");
		}
		return true;
	}

	/** Gives the register database to the application role when another role owns it; whether it did. */
	private static boolean handOverDatabase(Connection admin) throws SQLException {
		try (Statement statement = admin.createStatement()) {
			String owner;
			try (ResultSet rs = statement.executeQuery("select pg_get_userbyid(datdba) from pg_database "
					+ "where datname = '" + DATABASE + "'")) {
				owner = rs.next() ? rs.getString(1) : APPLICATION_ROLE;
			}
			if (owner.equals(APPLICATION_ROLE)) {
				return false;
			}
			statement.execute("alter database " + DATABASE + " owner to " + APPLICATION_ROLE);
			return true;
		}
	}

	/**
	 * Gives the superuser's schemas, tables, views, sequences and functions in this database to the application
	 * role (what an older version created as the superuser; in a new database, the public schema). Not
	 * {@code REASSIGN OWNED}: PostgreSQL refuses it for the bootstrap superuser, which owns the system catalogs.
	 * Sequences of serial columns go with their table.
	 */
	private static void handOverToApplication(Connection database) throws SQLException {
		String owner = APPLICATION_ROLE;
		try (Statement statement = database.createStatement()) {
			statement.execute("""
					do $$
					declare
						object record;
					begin
						for object in
							select format('alter schema %%I owner to %1$s', nspname) as ddl
							from pg_namespace
							where nspowner = '%2$s'::regrole and nspname not like 'pg\\_%%'
								and nspname <> 'information_schema'
							union all
							select format('alter %%s %%s owner to %1$s', case c.relkind when 'S' then 'sequence'
									when 'v' then 'view' when 'm' then 'materialized view'
									when 'f' then 'foreign table' else 'table' end, c.oid::regclass)
							from pg_class c join pg_namespace n on n.oid = c.relnamespace
							where c.relowner = '%2$s'::regrole and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
								and n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
								and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
									and d.objid = c.oid and d.deptype in ('a', 'i', 'e'))
							union all
							select format('alter routine %%s owner to %1$s', p.oid::regprocedure)
							from pg_proc p join pg_namespace n on n.oid = p.pronamespace
							where p.proowner = '%2$s'::regrole and n.nspname not like 'pg\\_%%'
								and n.nspname <> 'information_schema'
								and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
									and d.objid = p.oid and d.deptype = 'e')
						loop
							execute object.ddl;
						end loop;
					end
					$$""".formatted(owner, SUPERUSER));
		}
	}

	private static Connection connectAsSuperuser(int port, String database, RegisterPasswords passwords)
			throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", SUPERUSER);
		properties.setProperty("password", passwords.superuser());
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
	}

	/** Writes a file that only its owner can read, replacing it in one step. */
	private static void writeOwnerOnly(Path file, String content) throws IOException {
		Path staging = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(staging);
		Files.createFile(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(staging, content, StandardCharsets.UTF_8);
		Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Stops the server running on {@code dir}, if one does, and waits until it has removed its {@code postmaster.pid}
	 * (the last thing it does) or is gone. Not {@code onExit()}: the server is not this JVM's child, and the JVM
	 * notices its end only when init has reaped it, which took up to 2 s after the server had stopped (session 5:
	 * every command's last 2 s).
	 */
	private static void stop(Path dir) throws IOException {
		Optional<Postmaster> running = Postmaster.running(dir);
		if (running.isEmpty()) {
			return;
		}
		long pid = running.get().pid();
		Optional<ProcessHandle> process = ProcessHandle.of(pid);
		try {
			// SIGINT = PostgreSQL's "fast" shutdown; pg_ctl cannot be used as root
			new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
			Path pidFile = dir.resolve("postmaster.pid");
			Duration timeout = Duration.ofSeconds(60);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (Files.exists(pidFile) && process.map(ProcessHandle::isAlive).orElse(false)) {
				if (System.nanoTime() > deadline) {
					throw new IOException("the embedded register (pid " + pid + ") is still running "
							+ timeout.toSeconds() + " s after the fast shutdown request");
				}
				Thread.sleep(20);
			}
			log.debug("Stopped the embedded register in {} (pid {})", dir, pid);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while stopping the embedded register (pid " + pid + ")", ex);
		}
	}

	/**
	 * The server running on a data directory, as its {@code postmaster.pid} says. Empty when none runs, and also when
	 * the file cannot be read: then PostgreSQL, asked to start, decides (it removes a stale file itself).
	 */
	record Postmaster(long pid, int port) {

		static Optional<Postmaster> running(Path dir) throws IOException {
			Path pidFile = dir.resolve("postmaster.pid");
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			List<String> lines;
			try {
				lines = Files.readAllLines(pidFile, StandardCharsets.ISO_8859_1);
			}
			catch (java.nio.file.NoSuchFileException ex) {
				return Optional.empty(); // the server stopped a moment ago
			}
			if (lines.size() < 4) {
				return Optional.empty();
			}
			try {
				long pid = Long.parseLong(lines.get(0).trim());
				int port = Integer.parseInt(lines.get(3).trim());
				boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
				return alive ? Optional.of(new Postmaster(pid, port)) : Optional.empty();
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}

	}

	private static void initdb(Path binaries, Path dir, RegisterPasswords passwords) throws IOException {
		log.info("Creating the embedded register in {}", dir);
		Files.createDirectories(dir.getParent());
		Path staging = dir.resolveSibling(dir.getFileName() + ".initdb");
		deleteRecursively(staging);
		Path pwfile = dir.resolveSibling(dir.getFileName() + ".initdb-password");
		try {
			writeOwnerOnly(pwfile, passwords.superuser() + "\n");
			run(binaries, null, "initdb", "-A", "scram-sha-256", "-U", SUPERUSER, "--pwfile=" + pwfile, "-D",
					staging.toString(), "-E", "UTF-8", "--locale=C");
		}
		finally {
			Files.deleteIfExists(pwfile);
		}
		writeOwnerOnly(staging.resolve("pg_hba.conf"), PG_HBA);
		// initdb into a staging folder, then move: a half-created cluster is never mistaken for a real one
		Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void run(Path binaries, Path logFile, String program, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		if (isRoot()) {
			command.addAll(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000"));
		}
		command.add(binaries.resolve("bin").resolve(program).toString());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("LC_ALL", "C");
		builder.environment().put("LANG", "C");
		Path output = Files.createTempFile("register-" + program, ".log");
		builder.redirectOutput(output.toFile());
		try {
			Process process = builder.start();
			if (!process.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException(program + " did not finish within 3 minutes");
			}
			if (process.exitValue() != 0) {
				String out = Files.readString(output);
				String serverLog = (logFile != null && Files.exists(logFile)) ? tail(Files.readString(logFile)) : "";
				throw new IOException(program + " failed (exit " + process.exitValue() + "): " + out.trim()
						+ (serverLog.isEmpty() ? "" : "\n" + serverLog));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(program + " was interrupted", ex);
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private static String tail(String text) {
		String[] lines = text.split("\n");
		return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 10), lines.length));
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	/** Extracts the PostgreSQL binaries once per machine and user, into a folder named after their version. */
	private static Path extractBinaries() throws IOException {
		Path cache = Path.of(System.getProperty("java.io.tmpdir"), "permit-archive-pg-" + BINARIES_VERSION + "-"
				+ System.getProperty("user.name"));
		Path done = cache.resolve(".complete");
		if (Files.exists(done)) {
			return cache;
		}
		deleteRecursively(cache); // left half-extracted by a crash
		Path staging = Files.createTempDirectory(cache.getParent(), "pg-extract");
		try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
				TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path target = staging.resolve(entry.getName()).normalize();
				if (!target.startsWith(staging)) {
					throw new IOException("Unsafe path in PostgreSQL binaries: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(target.getParent());
					Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
					if ((entry.getMode() & 0100) != 0) {
						Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
					}
				}
			}
		}
		Files.writeString(staging.resolve(".complete"), BINARIES_VERSION);
		try {
			Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			// another process extracted them at the same time: use theirs
			deleteRecursively(staging);
			if (!Files.exists(done)) {
				throw ex;
			}
		}
		return cache;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (var walk = Files.walk(path)) {
			walk.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> {
				try {
					Files.delete(p);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
