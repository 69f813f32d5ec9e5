package be.permitarchive.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A worker that does not see the delivery folder where the manager found it (the inbox mounted elsewhere on its
 * machine) hands the partition back untouched instead of running it: its files would look unreadable and be
 * quarantined. The real job repository; the step is never reached.
 */
@SpringBootTest
class PartitionWorkerTest {

	static final Path work = TestDeliveries.workDir("partition-worker");

	static final String DATABASE = TestRegister.newDatabase();

	@Autowired
	JobRepository jobRepository;

	@Autowired
	DataSource dataSource;

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", () -> DATABASE);
		registry.add("store.dir", () -> work.resolve("store").toString());
	}

	@Test
	void aPartitionOfADeliveryThisMachineDoesNotSeeGoesBackUntouched() throws Exception {
		// given a partition of a delivery in a folder this machine does not have
		Path elsewhere = Path.of("/mnt/inbox-not-mounted-here/box-0042");
		JobParameters parameters = new JobParametersBuilder().addString("delivery", elsewhere.toString())
			.addLong("run", System.nanoTime())
			.toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance("ingest", parameters);
		JobExecution job = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		StepExecution partition = this.jobRepository.createStepExecution("ocr-partition:3", job);
		List<Path> told = new ArrayList<>();
		StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
		handler.setJobRepository(this.jobRepository);
		handler.setStepLocator((name) -> {
			throw new AssertionError("the step must not run");
		});
		PartitionWorker worker = new PartitionWorker(handler, this.jobRepository, this.dataSource);
		worker.listenForInvisibleDeliveries(told::add);

		// when a worker is handed it, twice
		StepExecutionRequest request = new StepExecutionRequest("ocr-partition", partition.getId());
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> worker.run(request)).isInstanceOf(PartitionWorker.DeliveryNotVisibleException.class)
				.hasMessageContaining(elsewhere.toString())
				.hasMessageContaining("mount the inbox at the same path");
		}

		// then the partition is as it was, for another worker, and the worker said so once
		assertThat(this.jobRepository.getStepExecution(partition.getId()).getStatus()).isEqualTo(BatchStatus.STARTING);
		assertThat(told).containsExactly(elsewhere);
	}

}
