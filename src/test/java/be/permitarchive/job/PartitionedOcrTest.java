package be.permitarchive.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import be.permitarchive.job.IngestRunner.IngestResult;
import be.permitarchive.register.ProcessedDossier;
import be.permitarchive.register.internal.JdbcRegister;
import be.permitarchive.support.IngestProcess;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ocr step in partitions, against the real job repository and register: the sample delivery (five dossiers, 24
 * pages) in two partitions run side by side, every page read by real Tesseract. One partition fails (the register
 * write of one dossier throws: a fake for the control flow only), and the restart runs that partition only; then a
 * clean run shows the ocr step adding up its partitions.
 */
@SpringBootTest(properties = { "ocr.workers=2", "ocr.partitions=2" })
@DirtiesContext // its own beans: closed after it, its connection pool does not stay open for the rest of the suite
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartitionedOcrTest {

	static final Path work = TestDeliveries.workDir("partitioned-ocr");

	static final String DATABASE = TestRegister.newDatabase();

	/** The dossier the register refuses while {@link #registerFailing} holds. */
	static final String BROKEN = "0004_OMV_2023072614";

	static final String FAILING = "the register refuses the dossier (test)";

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JobHistory history;

	@Autowired
	AtomicBoolean registerFailing;

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", () -> DATABASE);
		registry.add("store.dir", () -> work.resolve("store").toString());
	}

	@Test
	@Order(1)
	void aRestartRunsOnlyThePartitionThatFailed() throws Exception {
		// given the sample delivery, and a register that refuses one of its dossiers
		Path delivery = work.resolve("delivery");
		IngestProcess.copyTree(Path.of("sample-scans", "delivery"), delivery);

		// when
		IngestResult failed = this.runner.ingest(delivery);

		// then the partition holding that dossier failed and says why; the other one completed
		assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.failure()).contains(FAILING);
		JobExecution first = this.jobRepository.getJobExecution(failed.executionId());
		Map<String, BatchStatus> partitions = partitions(first).stream()
			.collect(Collectors.toMap(StepExecution::getStepName, StepExecution::getStatus));
		assertThat(partitions).containsOnlyKeys("ocr-partition:0", "ocr-partition:1")
			.containsValues(BatchStatus.COMPLETED, BatchStatus.FAILED);
		String failedPartition = partitions.entrySet().stream()
			.filter((p) -> p.getValue() == BatchStatus.FAILED)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		List<StepExecution> ran = partitions(first);
		assertThat(ran.get(0).getStartTime()).as("the two partitions ran side by side (two OCR workers)")
			.isBefore(ran.get(1).getEndTime());
		assertThat(ran.get(1).getStartTime()).isBefore(ran.get(0).getEndTime());
		assertThat(status(BROKEN)).isEqualTo("pending");
		int registeredAfterFailure = registered(delivery);
		assertThat(registeredAfterFailure).isBetween(1, 4);

		// when the register takes it again and the same ingest runs again
		this.registerFailing.set(false);
		IngestResult resumed = this.runner.ingest(delivery);

		// then only the failed partition ran again, on the dossiers it had not finished
		assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
		JobExecution second = this.jobRepository.getJobExecution(resumed.executionId());
		assertThat(second.getJobInstance().getInstanceId()).isEqualTo(first.getJobInstance().getInstanceId());
		assertThat(partitions(second)).extracting(StepExecution::getStepName).containsExactly(failedPartition);
		assertThat(ocrStep(second).getReadCount()).as("only the unfinished dossiers are OCR'd on restart")
			.isEqualTo(5 - registeredAfterFailure);
		assertThat(written(first) + written(second)).as("every dossier written once, over both runs").isEqualTo(5);
		assertThat(registered(delivery)).isEqualTo(5);
		assertThat(pages(delivery)).isEqualTo(24);
		assertThat(this.jdbc.sql("""
				select count(*) from (select document_id, page_index from page
				group by document_id, page_index having count(*) > 1) duplicates""").query(Integer.class).single())
			.isZero();
	}

	@Test
	@Order(2)
	void theOcrStepAddsUpItsPartitions() throws Exception {
		// given the sample delivery again under another name (its OCR results are in the store: a quick run)
		this.registerFailing.set(false);
		Path delivery = work.resolve("delivery-again");
		IngestProcess.copyTree(Path.of("sample-scans", "delivery"), delivery);

		// when
		IngestResult result = this.runner.ingest(delivery);

		// then the job repository has the ocr step and its two partitions, which share the dossiers
		assertThat(result.status()).isEqualTo(BatchStatus.COMPLETED);
		JobExecution execution = this.jobRepository.getJobExecution(result.executionId());
		List<StepExecution> partitions = partitions(execution);
		assertThat(partitions).extracting(StepExecution::getStepName)
			.containsExactlyInAnyOrder("ocr-partition:0", "ocr-partition:1");
		assertThat(partitions).allSatisfy((p) -> {
			assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(p.getReadCount()).as("each partition has its share").isPositive();
			assertThat(p.getWriteCount()).isEqualTo(p.getReadCount());
		});
		assertThat(partitions.stream().mapToLong(StepExecution::getReadCount).sum()).isEqualTo(5);
		StepExecution ocr = ocrStep(execution);
		assertThat(ocr.getReadCount()).as("the ocr step adds up its partitions").isEqualTo(5);
		assertThat(ocr.getWriteCount()).isEqualTo(5);
		assertThat(this.history.find(execution.getId()).orElseThrow().dossiersRead()).isEqualTo(5);
		assertThat(registered(delivery)).isEqualTo(5);
		assertThat(pages(delivery)).isEqualTo(24);
	}

	private static List<StepExecution> partitions(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((s) -> s.getStepName().startsWith(IngestJobConfiguration.OCR_PARTITION_STEP + ":"))
			.toList();
	}

	private static StepExecution ocrStep(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((s) -> s.getStepName().equals(IngestJobConfiguration.OCR_STEP))
			.findFirst()
			.orElseThrow();
	}

	private static long written(JobExecution execution) {
		return partitions(execution).stream().mapToLong(StepExecution::getWriteCount).sum();
	}

	private String status(String folder) {
		return this.jdbc.sql("select status from dossier where folder = :folder order by id limit 1")
			.param("folder", folder)
			.query(String.class)
			.single();
	}

	private int registered(Path delivery) {
		return this.jdbc.sql("""
				select count(*) from dossier d join delivery v on v.id = d.delivery_id
				where v.path = :delivery and d.status in ('registered', 'needs-review')""")
			.param("delivery", delivery.toAbsolutePath().normalize().toString())
			.query(Integer.class)
			.single();
	}

	private int pages(Path delivery) {
		return this.jdbc.sql("""
				select count(*) from page p join document doc on doc.id = p.document_id
				join dossier d on d.id = doc.dossier_id join delivery v on v.id = d.delivery_id
				where v.path = :delivery""")
			.param("delivery", delivery.toAbsolutePath().normalize().toString())
			.query(Integer.class)
			.single();
	}

	@TestConfiguration
	static class RegisterFailingForOneDossier {

		@Bean
		AtomicBoolean registerFailing() {
			return new AtomicBoolean(true);
		}

		/** The real register writer, failing the chunk that holds {@link #BROKEN} while the flag holds. */
		@Bean
		@Primary
		@StepScope
		RegisterWriter failingForOneDossier(@Value("#{jobParameters['delivery']}") String delivery,
				JdbcRegister register, AtomicBoolean registerFailing) {
			return new RegisterWriter(register, register.findDelivery(Path.of(delivery)).orElseThrow()) {

				@Override
				public void write(Chunk<? extends ProcessedDossier> chunk) {
					for (ProcessedDossier dossier : chunk) {
						if (registerFailing.get() && dossier.folder().equals(BROKEN)) {
							throw new IllegalStateException(FAILING);
						}
					}
					super.write(chunk);
				}

			};
		}

	}

}
