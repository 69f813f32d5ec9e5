package be.permitarchive.register.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded register's two passwords, generated when it is created: the superuser's (setup only) and the
 * application role's (every connection of the program). They are kept in a file in PostgreSQL's pgpass format
 * ({@code host:port:database:user:password}, one line per role) that only its owner may read or write (0600), so
 * that an operator can use it as it is: {@code PGPASSFILE=data/register.pgpass psql -h 127.0.0.1 -p <port> -U archive
 * register} (the port is the 4th line of {@code postmaster.pid}).
 * @param superuser the password of {@value EmbeddedRegister#SUPERUSER}
 * @param application the password of {@value EmbeddedRegister#APPLICATION_ROLE}
 */
record RegisterPasswords(String superuser, String application) {

	private static final Logger log = LoggerFactory.getLogger(RegisterPasswords.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Two new passwords of 256 random bits each, in characters that need no escaping in pgpass or a JDBC URL. */
	static RegisterPasswords generate() {
		return new RegisterPasswords(randomPassword(), randomPassword());
	}

	/** The passwords in {@code file}, if it exists; permissions wider than 0600 are narrowed (and said). */
	static Optional<RegisterPasswords> read(Path file) throws IOException {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
			log.warn("{} could be read by others ({}); it is now readable by its owner only. Whoever read it can use "
					+ "the embedded register until its passwords are changed (ALTER ROLE ... PASSWORD, then this file)",
					file, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
		String superuser = null;
		String application = null;
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String[] fields = line.split(":", 5);
			if (line.startsWith("#") || fields.length != 5) {
				continue;
			}
			if (fields[3].equals(EmbeddedRegister.SUPERUSER)) {
				superuser = fields[4];
			}
			else if (fields[3].equals(EmbeddedRegister.APPLICATION_ROLE)) {
				application = fields[4];
			}
		}
		if (superuser == null || application == null) {
			throw new IOException(file + " does not hold the passwords of " + EmbeddedRegister.SUPERUSER + " and "
					+ EmbeddedRegister.APPLICATION_ROLE + " (lines host:port:database:user:password)");
		}
		return Optional.of(new RegisterPasswords(superuser, application));
	}

	/**
	 * Writes the passwords to {@code file}: into a new file that is owner-only from its creation, then moved into
	 * place, so that they are never readable by others, not even for a moment, and never half-written.
	 */
	void write(Path file) throws IOException {
		Path staging = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(staging);
		Files.createFile(staging, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		Files.write(staging, List.of(
				"# The embedded register's passwords, generated when it was created. Whoever can read this file can",
				"# read and change the register: keep it readable by its owner only (0600).",
				"127.0.0.1:*:*:" + EmbeddedRegister.SUPERUSER + ":" + this.superuser,
				"127.0.0.1:*:*:" + EmbeddedRegister.APPLICATION_ROLE + ":" + this.application), StandardCharsets.UTF_8);
		Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Not the passwords: a record's default would print them in a log line or an exception. */
	@Override
	public String toString() {
		return "RegisterPasswords[***]";
	}

	private static String randomPassword() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
