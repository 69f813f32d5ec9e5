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
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM (systemd stop, kill) on a running ingest (a separate JVM running the real command) stops it gracefully:
 * the dossiers in flight are finished, the execution is recorded as STOPPED, the process exits with 8, and the same
 * ingest run again resumes exactly there.
 */
@SpringBootTest
class SigtermStopTest {

	static final Path work = TestDeliveries.workDir("sigterm");

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
	void sigtermFinishesTheDossiersInFlightRecordsTheRunAsStoppedAndTheIngestResumesThere() throws Exception {
		// given a delivery of five dossiers (24 pages) being ingested by another process, one dossier at a time
		Path delivery = work.resolve("delivery");
		IngestProcess.copyTree(Path.of("sample-scans", "delivery"), delivery);
		Process child = IngestProcess.start(work, delivery, DATABASE);
		IngestProcess.waitUntil(() -> registered() >= 1, Duration.ofMinutes(3), child, work);
		int registeredAtSignal = registered();

		// when it gets SIGTERM
		child.destroy();

		// then it finishes the dossiers in flight, records the run as stopped and exits with 8
		assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the stopped process ends by itself").isTrue();
		String output = IngestProcess.log(work);
		assertThat(child.exitValue()).as(output).isEqualTo(8);
		JobExecution stopped = this.jobRepository.getJobExecution(this.jdbc
			.sql("select max(job_execution_id) from batch_job_execution").query(Long.class).single());
		assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
		StepExecution ocr = ocrStep(stopped);
		assertThat(ocr.getStatus()).isEqualTo(BatchStatus.STOPPED);
		int registeredAtStop = registered();
		assertThat(registeredAtStop).as("the chunk in flight was finished, the rest left for later")
			.isGreaterThan(registeredAtSignal)
			.isLessThan(5);
		assertThat(ocr.getWriteCount()).as("every dossier read was written").isEqualTo(ocr.getReadCount())
			.isEqualTo(registeredAtStop);
		assertThat(this.jdbc.sql("select count(*) from page where kind = 'failed'").query(Integer.class).single())
			.as("no page cut off half-way").isZero();
		assertThat(output).contains("Stopsignaal ontvangen")
			.contains("gestopt op verzoek (uitvoering " + stopped.getId() + ")")
			.contains("./archive restart " + stopped.getId());

		// when the same ingest runs again
		IngestResult resumed = this.runner.ingest(delivery);

		// then it resumes where the stopped run ended
		assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(registered()).isEqualTo(5);
		assertThat(this.jdbc.sql("select count(*) from page").query(Integer.class).single()).isEqualTo(24);
		assertThat(this.jdbc.sql("""
				select count(*) from (select document_id, page_index from page
				group by document_id, page_index having count(*) > 1) duplicates""").query(Integer.class).single())
			.isZero();
		JobExecution restart = this.jobRepository.getJobExecution(resumed.executionId());
		assertThat(this.jobRepository.getJobExecutions(restart.getJobInstance()))
			.as("the stopped execution and its restart belong to one job instance")
			.extracting(JobExecution::getId)
			.containsExactlyInAnyOrder(stopped.getId(), restart.getId());
		assertThat(ocrStep(restart).getReadCount()).as("only the unfinished dossiers are OCR'd on restart")
			.isEqualTo(5 - registeredAtStop);
	}

	private int registered() {
		return this.jdbc.sql("select count(*) from dossier where status in ('registered', 'needs-review')")
			.query(Integer.class)
			.single();
	}

	private static StepExecution ocrStep(JobExecution execution) {
		return execution.getStepExecutions().stream().filter((s) -> s.getStepName().equals("ocr")).findFirst()
			.orElseThrow();
	}

}
