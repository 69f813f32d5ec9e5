package be.permitarchive.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import be.permitarchive.job.ExitCode;
import be.permitarchive.messages.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SIGTERM (systemd stop, kill, Ctrl-C) does to a command that runs the ingest job: the run is stopped
 * gracefully (the dossiers in flight are finished and the execution is recorded as STOPPED), the command prints its
 * summary and closes the register, and only then does the process end, with the command's own exit code
 * ({@link ExitCode#STOPPED}).
 * <p>
 * The JVM runs its shutdown hooks on SIGTERM and exits with 143 when they return, and a {@code System.exit} called
 * while they run blocks for ever. So the hook waits, at most {@link #PATIENCE}, for the command to finish, and then
 * ends the process itself with the command's exit code.
 */
final class GracefulStop {

	private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

	/** How long a stopping run may take to finish its dossiers in flight before the process ends anyway. */
	static final Duration PATIENCE = Duration.ofMinutes(10);

	private final Messages messages;

	private final PrintStream out;

	private final CountDownLatch finished = new CountDownLatch(1);

	private volatile int exitCode = ExitCode.STOPPED.code();

	private volatile Runnable stop;

	private volatile boolean signalled;

	private volatile String signalMessage = "stop.signal";

	private Thread hook;

	GracefulStop(Messages messages, PrintStream out) {
		this.messages = messages;
		this.out = out;
	}

	/**
	 * From now on SIGTERM stops the command's run instead of ending the process at once.
	 * <p>
	 * The run then finishes its dossiers while the JVM shuts down, and the JDK's own shutdown hook closes every
	 * file-cached ImageIO stream ({@code javax.imageio.stream.StreamCloser}), failing the page being encoded or read.
	 * ImageIO's streams are therefore cached in memory (they hold one encoded page image at a time).
	 */
	synchronized void install() {
		ImageIO.setUseCache(false);
		if (this.hook == null && this.finished.getCount() > 0) {
			this.hook = new Thread(this::onSignal, "graceful-stop");
			Runtime.getRuntime().addShutdownHook(this.hook);
		}
	}

	/** What is said when SIGTERM comes (a message key): by default that the run finishes its dossiers in flight. */
	void sayOnSignal(String messageKey) {
		this.signalMessage = messageKey;
	}

	/** What SIGTERM stops, once the register is open; when the signal came before, it is stopped at once. */
	void stopWith(Runnable stop) {
		this.stop = stop;
		if (this.signalled) {
			stop.run();
		}
	}

	/** Whether SIGTERM came: a command that runs several jobs in turn starts no new one. */
	boolean signalled() {
		return this.signalled;
	}

	/** The command is done: a pending SIGTERM ends the process with {@code exitCode}; otherwise the hook goes. */
	synchronized void finished(int exitCode) {
		this.exitCode = exitCode;
		this.finished.countDown();
		if (this.hook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.hook);
			}
			catch (IllegalStateException shuttingDown) {
				// the hook is running: it ends the process with this exit code
			}
		}
	}

	private void onSignal() {
		if (this.finished.getCount() == 0) {
			return;
		}
		this.signalled = true;
		log.info("Stop signal received: stopping the run after the dossiers in flight");
		this.out.println(this.messages.get(this.signalMessage));
		Runnable stopping = this.stop;
		if (stopping != null) {
			try {
				stopping.run();
			}
			catch (RuntimeException ex) {
				log.warn("The run could not be asked to stop: {}", ex.toString());
			}
		}
		try {
			if (this.finished.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
				this.out.flush();
				System.err.flush();
				Runtime.getRuntime().halt(this.exitCode);
			}
			log.warn("The run did not stop within {} after the stop signal; the process ends without it", PATIENCE);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
