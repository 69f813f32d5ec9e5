package be.permitarchive.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import be.permitarchive.job.IngestRunner.IngestResult;
import be.permitarchive.support.IngestProcess;
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
		IngestProcess.copyTree(Path.of("sample-scans", "delivery"), delivery);
		Process child = IngestProcess.start(work, delivery, DATABASE);

		// when it is killed once the first dossiers are registered
		IngestProcess.waitUntil(() -> registered() >= 1, Duration.ofMinutes(3), child, work);
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

}
