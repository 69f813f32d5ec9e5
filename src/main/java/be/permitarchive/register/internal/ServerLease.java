package be.permitarchive.register.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who uses the embedded register on a data directory, so that the last one to leave stops the server, whoever
 * started it.
 * <p>
 * Every process that uses the server holds a shared lock on {@code <data>.lease} for as long as it does. Leaving, it
 * gives its share up and tries the exclusive lock without waiting: when it gets it, nobody else uses the server and
 * it stops it, holding the exclusive lock until the server is down; otherwise it leaves the server to the others. A
 * process killed with -9 loses its share with it (the system releases its locks), so the next one to use the server
 * stops it when it leaves.
 * <p>
 * Starting (creating the cluster, starting the server, setting it up) happens under the exclusive lock of
 * {@code <data>.start}, one process at a time: the others wait, then find the server running and attach. A process
 * takes its share of the lease under the start lock before it looks at the server, and one that stops the server
 * never waits for the start lock: so a server is never stopped under a process that attaches to it, and the two
 * locks cannot deadlock.
 * <p>
 * File locks belong to a process, and Java refuses a second overlapping lock within one (a JVM may open several
 * registers, tests do): hence one lease per data directory and JVM ({@link #of}) that counts its users. This is the
 * only per-JVM state, and it must be: it mirrors the locks the operating system holds for the process.
 */
final class ServerLease {

	private static final Logger log = LoggerFactory.getLogger(ServerLease.class);

	private static final Map<Path, ServerLease> LEASES = new ConcurrentHashMap<>();

	private final Path leaseFile;

	private final Path startFile;

	/** Open, with {@link #share} held, while {@link #users} > 0. */
	private FileChannel channel;

	private FileLock share;

	private int users;

	private ServerLease(Path dataDir) {
		this.leaseFile = dataDir.resolveSibling(dataDir.getFileName() + ".lease");
		this.startFile = dataDir.resolveSibling(dataDir.getFileName() + ".start");
	}

	/** The lease of this JVM on the server of {@code dataDir} (absolute and normalised). */
	static ServerLease of(Path dataDir) {
		return LEASES.computeIfAbsent(dataDir, ServerLease::new);
	}

	/**
	 * Takes a share of the server for one more user, and runs {@code startOrAttach} under the start lock. When that
	 * fails for this JVM's first user, the share is given up again as by {@link #leave} (a server it started is
	 * stopped unless others use it).
	 */
	synchronized <T> T join(IoSupplier<T> startOrAttach, IoAction stop) throws IOException {
		createOwnerOnly(this.startFile);
		createOwnerOnly(this.leaseFile);
		try (FileChannel start = FileChannel.open(this.startFile, StandardOpenOption.WRITE);
				FileLock started = lock(start, false, "another command is starting the embedded register")) {
			boolean first = this.users == 0;
			if (first) {
				this.channel = FileChannel.open(this.leaseFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
				try {
					this.share = lock(this.channel, true, "another command is stopping the embedded register");
				}
				catch (IOException | RuntimeException ex) {
					this.channel.close();
					throw ex;
				}
			}
			try {
				T result = startOrAttach.get();
				this.users++;
				return result;
			}
			catch (IOException | RuntimeException ex) {
				if (first) {
					giveUpShare(stop);
				}
				throw ex;
			}
		}
	}

	/** Gives one user's share up; when it was the last user in any process, runs {@code stop}. */
	synchronized void leave(IoAction stop) {
		if (this.users == 0) {
			throw new IllegalStateException("left more often than joined: " + this.leaseFile);
		}
		this.users--;
		if (this.users == 0) {
			giveUpShare(stop);
		}
	}

	private void giveUpShare(IoAction stop) {
		try {
			this.share.release();
			FileLock exclusive = this.channel.tryLock(); // null: another process holds a share
			if (exclusive != null) {
				try {
					stop.run();
				}
				finally {
					exclusive.release();
				}
			}
		}
		catch (IOException ex) {
			log.warn("The embedded register's lease {} could not be given up cleanly: {}", this.leaseFile,
					ex.toString());
		}
		finally {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				log.debug("Closing {}: {}", this.leaseFile, ex.toString());
			}
			this.channel = null;
			this.share = null;
		}
	}

	private static FileLock lock(FileChannel channel, boolean shared, String whileWaiting) throws IOException {
		FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
		if (lock != null) {
			return lock;
		}
		log.info("Waiting: {}", whileWaiting);
		return channel.lock(0, Long.MAX_VALUE, shared);
	}

	/** Owner-only: whoever can open a lock file can hold its lock, and keep the server from ever being stopped. */
	private static void createOwnerOnly(Path file) throws IOException {
		if (Files.exists(file)) {
			return;
		}
		Files.createDirectories(file.getParent());
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (FileAlreadyExistsException ex) {
			// created by another process at the same moment
		}
	}

	@FunctionalInterface
	interface IoSupplier<T> {

		T get() throws IOException;

	}

	@FunctionalInterface
	interface IoAction {

		void run() throws IOException;

	}

}
