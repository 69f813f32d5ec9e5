package be.permitarchive.cli;

import java.nio.file.Path;

import be.permitarchive.job.ExitCode;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code archive worker} set up wrong: it says what is missing, in the user's language, and ends with the documented
 * exit code instead of waiting for partitions it could never run. The real register.
 */
class WorkerCommandTest {

	static final Path work = TestDeliveries.workDir("worker-command");

	static final String DATABASE = TestRegister.newDatabase();

	@Test
	void withoutABrokerItIsAUsageErrorNamingTheSetting() {
		Run run = Run.of(work.resolve("store"), "worker", "--register.url", DATABASE, "--lang", "en");

		assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.USAGE.code());
		assertThat(run.err()).contains("No broker configured").contains("scale-out.broker")
			.contains("SCALE_OUT_BROKER").contains("--broker");
		assertThat(run.out()).doesNotContain("Worker ready");
	}

	@Test
	void anUnreachableBrokerIsSaidSoWithExitFive() {
		Run run = Run.of(work.resolve("store"), "worker", "--register.url", DATABASE,
				"--broker", "amqp://guest:guest@127.0.0.1:1", "--lang", "en");

		assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.REGISTER_UNAVAILABLE.code());
		assertThat(run.err()).contains("The broker (RabbitMQ) is unreachable").contains("scale-out.broker");
		assertThat(run.out()).doesNotContain("Worker ready");
	}

}
