package be.permitarchive.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import be.permitarchive.Application;
import be.permitarchive.job.IngestRunner.IngestResult;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ingest killed with SIGKILL half-way (a separate JVM running the real command) and started again completes the
 * delivery: every page once, nothing missing, the finished dossiers not OCR'd again, the same job instance resumed.
 */
@SpringBootTest
class KillAndRestartTest {

	static final Path work = TestDeliveries.workDir("kill-restart");

	static final String DATABASE = TestRegister.newDatabase();

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobRepository jobRepository;

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", () -> DATABASE);
		registry.add("store.dir", () -> work.resolve("store").toString());
	}

	@Test
	void aKilledRunResumesWithoutDuplicatesOrMissingPages() throws Exception {
		// given a delivery of five dossiers (24 pages) being ingested by another process
		Path delivery = work.resolve("delivery");
		copyTree(Path.of("sample-scans", "delivery"), delivery);
		Process child = startIngest(delivery);

		// when it is killed once the first dossiers are registered
		waitUntil(() -> registered() >= 1, Duration.ofMinutes(3), child);
		child.destroyForcibly();
		child.waitFor(30, TimeUnit.SECONDS);
		int registeredBeforeKill = registered();
		assertThat(registeredBeforeKill).as("killed half-way").isBetween(1, 4);
		IngestResult restarted = this.runner.ingest(delivery);

		// then
		assertThat(restarted.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(registered()).isEqualTo(5);
		assertThat(this.jdbc.sql("select count(*) from page").query(Integer.class).single()).isEqualTo(24);
		assertThat(this.jdbc.sql("""
				select count(*) from (select document_id, page_index from page
				group by document_id, page_index having count(*) > 1) duplicates""").query(Integer.class).single())
			.isZero();
		JobExecution execution = this.jobRepository.getJobExecution(restarted.executionId());
		assertThat(this.jobRepository.getJobExecutions(execution.getJobInstance()))
			.as("the killed execution and its restart belong to one job instance")
			.hasSize(2);
		long readOnRestart = execution.getStepExecutions().stream()
			.filter((s) -> s.getStepName().equals("ocr"))
			.mapToLong((s) -> s.getReadCount())
			.sum();
		assertThat(readOnRestart).as("only the unfinished dossiers are OCR'd on restart")
			.isEqualTo(5 - registeredBeforeKill);
	}

	private int registered() {
		return this.jdbc.sql("select count(*) from dossier where status in ('registered', 'needs-review')")
			.query(Integer.class).single();
	}

	private static Process startIngest(Path delivery) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx1g");
		command.add("-Darchive.home=" + work);
		command.add("-Dstore.dir=" + work.resolve("store"));
		command.add("-Docr.workers=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Application.class.getName());
		command.add("ingest");
		command.add(delivery.toString());
		command.add("--register.url=" + DATABASE);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("child.log").toFile());
		builder.environment().put("OMP_THREAD_LIMIT", "1");
		return builder.start();
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout, Process child)
			throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!child.isAlive()) {
				throw new AssertionError("the ingest process ended by itself (exit " + child.exitValue() + "): "
						+ Files.readString(work.resolve("child.log")));
			}
			try {
				if (condition.getAsBoolean()) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// the child has not created the schema yet
			}
			Thread.sleep(200);
		}
		child.destroyForcibly();
		throw new AssertionError("timed out; child log: " + Files.readString(work.resolve("child.log")));
	}

	private static void copyTree(Path from, Path to) throws Exception {
		try (var walk = Files.walk(from)) {
			for (Path source : walk.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

}
