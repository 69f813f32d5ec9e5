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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded register: a PostgreSQL server from the zonky binaries on Maven Central, with a persistent data
 * directory, so that a new user needs no database server.
 * <p>
 * PostgreSQL refuses to run as root. When this process is root (CI, containers), the server processes are started in
 * a user namespace ({@code unshare --user --map-user}) where they are an ordinary user; the files stay owned by root.
 * <p>
 * A server already running on the data directory (another {@code archive} command) is reused, not started twice.
 */
public final class EmbeddedRegister implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRegister.class);

	static final String DATABASE = "register";

	private static final String BINARIES_VERSION = "14";

	private final Path dataDir;

	private final int port;

	private final long pid;

	private final boolean startedHere;

	private EmbeddedRegister(Path dataDir, int port, long pid, boolean startedHere) {
		this.dataDir = dataDir;
		this.port = port;
		this.pid = pid;
		this.startedHere = startedHere;
	}

	/**
	 * Starts the server on {@code dataDir} (creating the cluster on first use), or attaches to the one already
	 * running there.
	 * @param port the TCP port on 127.0.0.1, or 0 for any free port
	 */
	public static EmbeddedRegister start(Path dataDir, int port) {
		try {
			Path dir = dataDir.toAbsolutePath().normalize();
			Optional<EmbeddedRegister> running = attach(dir);
			if (running.isPresent()) {
				return running.get();
			}
			Path binaries = extractBinaries();
			if (!Files.exists(dir.resolve("PG_VERSION"))) {
				initdb(binaries, dir);
			}
			int chosenPort = (port > 0) ? port : freePort();
			Files.deleteIfExists(dir.resolve("postmaster.pid"));
			run(binaries, dir.getParent().resolve(dir.getFileName() + ".log"), "pg_ctl", "-D", dir.toString(), "-w",
					"-t", "120", "-l", dir.getParent().resolve(dir.getFileName() + ".log").toString(), "-o",
					"-p " + chosenPort + " -c listen_addresses=127.0.0.1 -c unix_socket_directories= "
							+ "-c fsync=on -c max_connections=60",
					"start");
			EmbeddedRegister register = attach(dir).orElseThrow(() -> new RegisterUnavailableException(
					"The embedded register did not start; see " + dir.getParent().resolve(dir.getFileName() + ".log")));
			register.createDatabaseIfMissing();
			return new EmbeddedRegister(dir, register.port, register.pid, true);
		}
		catch (IOException ex) {
			throw new RegisterUnavailableException("Cannot start the embedded register in " + dataDir + ": "
					+ ex.getMessage(), ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE + "?user=postgres";
	}

	public int port() {
		return this.port;
	}

	public Path dataDir() {
		return this.dataDir;
	}

	/** Stops the server if this object started it; a server that was attached to keeps running. */
	@Override
	public void close() {
		if (!this.startedHere) {
			return;
		}
		ProcessHandle.of(this.pid).ifPresent((process) -> {
			try {
				// SIGINT = PostgreSQL's "fast" shutdown; pg_ctl cannot be used as root
				new ProcessBuilder("kill", "-INT", Long.toString(this.pid)).inheritIO().start().waitFor();
				awaitStopped(process, Duration.ofSeconds(60));
			}
			catch (Exception ex) {
				log.warn("The embedded register (pid {}) did not stop cleanly: {}", this.pid, ex.toString());
			}
		});
	}

	/**
	 * Waits until the server has removed its {@code postmaster.pid} (the last thing it does) or is gone. Not
	 * {@code onExit()}: the server is not this JVM's child, and the JVM notices its end only when init has reaped it,
	 * which took up to 2 s after the server had stopped (session 5: every command's last 2 s).
	 */
	private void awaitStopped(ProcessHandle process, Duration timeout) throws InterruptedException, IOException {
		Path pidFile = this.dataDir.resolve("postmaster.pid");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (Files.exists(pidFile) && process.isAlive()) {
			if (System.nanoTime() > deadline) {
				throw new IOException("still running " + timeout.toSeconds() + " s after the fast shutdown request");
			}
			Thread.sleep(20);
		}
	}

	private static Optional<EmbeddedRegister> attach(Path dir) throws IOException {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.size() < 4) {
			return Optional.empty();
		}
		long pid = Long.parseLong(lines.get(0).trim());
		boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		if (!alive) {
			return Optional.empty();
		}
		int port = Integer.parseInt(lines.get(3).trim());
		return Optional.of(new EmbeddedRegister(dir, port, pid, false));
	}

	private void createDatabaseIfMissing() {
		String url = "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres?user=postgres";
		try (var connection = java.sql.DriverManager.getConnection(url);
				var statement = connection.createStatement()) {
			var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!rs.next()) {
				statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
			}
		}
		catch (java.sql.SQLException ex) {
			throw new RegisterUnavailableException("The embedded register started but cannot be used: "
					+ ex.getMessage(), ex);
		}
	}

	private static void initdb(Path binaries, Path dir) throws IOException {
		log.info("Creating the embedded register in {}", dir);
		Files.createDirectories(dir.getParent());
		Path staging = dir.resolveSibling(dir.getFileName() + ".initdb");
		deleteRecursively(staging);
		run(binaries, null, "initdb", "-A", "trust", "-U", "postgres", "-D", staging.toString(), "-E", "UTF-8",
				"--locale=C");
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
