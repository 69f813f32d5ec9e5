package be.permitarchive.register.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import be.permitarchive.register.internal.EmbeddedRegister.Postmaster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who starts and who stops the embedded register when commands die or run at once: each command in a JVM of its own
 * ({@link RegisterCommand}), killed with -9 where the test says so, the server a real PostgreSQL.
 */
class EmbeddedRegisterLifecycleTest {

	@TempDir
	Path dir;

	private final java.util.List<Process> children = new java.util.ArrayList<>();

	@AfterEach
	void stopWhatIsLeft() throws Exception {
		for (Process child : this.children) {
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		// a server a failed test left running: stopped by the last user, which is now this one
		if (Files.exists(this.dir.resolve("register").resolve("PG_VERSION"))) {
			EmbeddedRegister.start(this.dir.resolve("register"), 0).close();
		}
	}

	@Test
	void aServerWhoseStarterWasKilledIsStoppedByTheNextCommandWhenItEnds() throws Exception {
		// given: a command that started the server and was killed with -9
		Path data = this.dir.resolve("register");
		Process starter = child(data, "starter.log");
		int port = RegisterCommand.awaitReady(starter, this.dir.resolve("starter.log"));
		starter.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(Postmaster.running(data)).as("the server outlives a command killed with -9").isPresent();

		// when: the next command uses the orphaned server and ends
		try (EmbeddedRegister next = EmbeddedRegister.start(data, 0);
				Connection connection = DriverManager.getConnection(next.jdbcUrl())) {
			assertThat(next.port()).isEqualTo(port);
			assertThat(connection.isValid(5)).isTrue();
		}

		// then
		assertThat(Postmaster.running(data)).as("stopped by the last command to use it").isEmpty();
	}

	@Test
	void theCommandThatStartedTheServerLeavesItRunningForAnotherStillUsingIt() throws Exception {
		// given: a command that started the server, and another one using it
		Path data = this.dir.resolve("register");
		Process starter = child(data, "starter.log");
		int port = RegisterCommand.awaitReady(starter, this.dir.resolve("starter.log"));
		try (EmbeddedRegister other = EmbeddedRegister.start(data, 0);
				Connection connection = DriverManager.getConnection(other.jdbcUrl())) {

			// when: the starter ends first
			assertThat(RegisterCommand.close(starter)).isZero();

			// then
			assertThat(other.port()).isEqualTo(port);
			assertThat(Postmaster.running(data)).as("still used by the other command").isPresent();
			assertThat(connection.isValid(5)).isTrue();
			try (Connection fresh = DriverManager.getConnection(other.jdbcUrl())) {
				assertThat(fresh.isValid(5)).isTrue();
			}
		}
		assertThat(Postmaster.running(data)).as("stopped by the other command, the last to use it").isEmpty();
	}

	@Test
	void twoCommandsAtOnceOnFirstUseBothGetTheSameNewRegister() throws Exception {
		assertBothGetTheSameServer(this.dir.resolve("register"));

		String created = "Creating the embedded register";
		assertThat(Files.readString(this.dir.resolve("first.log")).contains(created)
				^ Files.readString(this.dir.resolve("second.log")).contains(created))
			.as("one command created the register, the other waited and attached")
			.isTrue();
	}

	@Test
	void twoCommandsAtOnceOnAStoppedRegisterBothGetTheSameServer() throws Exception {
		Path data = this.dir.resolve("register");
		EmbeddedRegister.start(data, 0).close();
		assertThat(Postmaster.running(data)).isEmpty();

		assertBothGetTheSameServer(data);
	}

	@Test
	void aPostmasterPidThatCannotBeReadIsLeftToPostgresqlWhichRefusesToStart() throws Exception {
		// given: a stopped register whose lock file holds garbage (as after a crash while it was written)
		Path data = this.dir.resolve("register");
		EmbeddedRegister.start(data, 0).close();
		Path pidFile = data.resolve("postmaster.pid");
		Files.writeString(pidFile, "garbage\n", StandardCharsets.UTF_8);

		// when / then
		assertThatThrownBy(() -> EmbeddedRegister.start(data, 0)).isInstanceOf(RegisterUnavailableException.class)
			.hasMessageContaining(pidFile.toString())
			.hasMessageContaining("delete that file");
		assertThat(pidFile).as("PostgreSQL's lock on its data directory is not ours to break").hasContent("garbage");

		// and: once the operator has removed it
		Files.delete(pidFile);
		try (EmbeddedRegister register = EmbeddedRegister.start(data, 0);
				Connection connection = DriverManager.getConnection(register.jdbcUrl())) {
			assertThat(connection.isValid(5)).isTrue();
		}
	}

	private void assertBothGetTheSameServer(Path data) throws Exception {
		// when
		Process first = child(data, "first.log");
		Process second = child(data, "second.log");
		int firstPort = RegisterCommand.awaitReady(first, this.dir.resolve("first.log"));
		int secondPort = RegisterCommand.awaitReady(second, this.dir.resolve("second.log"));

		// then
		assertThat(secondPort).isEqualTo(firstPort);
		Optional<Postmaster> server = Postmaster.running(data);
		assertThat(server).isPresent();
		assertThat(server.get().port()).isEqualTo(firstPort);
		assertThat(RegisterCommand.close(first)).isZero();
		assertThat(Postmaster.running(data)).as("the second command still uses it").isPresent();
		assertThat(RegisterCommand.close(second)).isZero();
		awaitStopped(data);
	}

	/** The last command stops the server before it exits; the wait is for a slow machine only. */
	private static void awaitStopped(Path data) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (Postmaster.running(data).isPresent() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(Postmaster.running(data)).as("stopped by the last command to use it").isEmpty();
	}

	private Process child(Path data, String log) throws Exception {
		Process child = RegisterCommand.start(data, this.dir.resolve(log));
		this.children.add(child);
		return child;
	}

}
