package be.permitarchive.job;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The manager's side of remote partitioning: Spring Batch's {@link MessageChannelPartitionHandler} sends one message
 * per partition (its step execution id: a reference, never pages) to the broker's queue and polls the job
 * repository until every partition is finished, whoever ran it. While it waits this handler reads the run's progress
 * from the register (the workers' chunks commit in other processes) and says so when no worker takes the partitions.
 */
final class RemotePartitionHandler implements PartitionHandler {

	private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

	private final MessageChannelPartitionHandler messages;

	private final IngestProgress progress;

	private final AmqpAdmin broker;

	private final String queue;

	private final long pollMillis;

	private final JobRepository jobRepository;

	/** How long partitions may wait in a queue nobody reads before the manager says so (and again every as long). */
	private final long noWorkerWarningNanos;

	RemotePartitionHandler(MessageChannelPartitionHandler messages, IngestProgress progress, AmqpAdmin broker,
			String queue, long pollMillis, java.time.Duration noWorkerWarning, JobRepository jobRepository) {
		this.messages = messages;
		this.progress = progress;
		this.broker = broker;
		this.queue = queue;
		this.pollMillis = pollMillis;
		this.noWorkerWarningNanos = noWorkerWarning.toNanos();
		this.jobRepository = jobRepository;
	}

	/**
	 * A run asked to stop ({@code archive stop}, SIGTERM): the partitions no worker has started yet are stopped here,
	 * so that the run ends even when no worker is left to take them (a worker that takes one later finds it stopped
	 * and leaves it). The running ones stop after their dossier on their workers.
	 */
	private void stopWaitingPartitionsWhenStopping(StepExecution managerStepExecution) {
		JobExecution job = this.jobRepository.getJobExecution(managerStepExecution.getJobExecutionId());
		if (job == null || job.getStatus() != BatchStatus.STOPPING) {
			return;
		}
		for (StepExecution partition : job.getStepExecutions()) {
			if (partition.getStatus() == BatchStatus.STARTING
					&& partition.getStepName().startsWith(IngestJobConfiguration.OCR_PARTITION_STEP + ":")) {
				partition.setStatus(BatchStatus.STOPPED);
				partition.setExitStatus(ExitStatus.STOPPED);
				partition.setEndTime(LocalDateTime.now());
				try {
					this.jobRepository.update(partition);
					log.info("Partition {} ({}) stopped before any worker took it", partition.getId(),
							partition.getStepName());
				}
				catch (OptimisticLockingFailureException takenMeanwhile) {
					// a worker started it just now: it stops after its dossier
				}
			}
		}
	}

	@Override
	public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStepExecution)
			throws Exception {
		ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread thread = new Thread(LogContext.wrap(r), "ocr-manager-watch");
			thread.setDaemon(true);
			return thread;
		});
		long[] idleSince = { System.nanoTime() };
		ScheduledFuture<?> watching = watch.scheduleWithFixedDelay(() -> {
			try {
				this.progress.readFromRegister();
				stopWaitingPartitionsWhenStopping(managerStepExecution);
				QueueInformation info = this.broker.getQueueInfo(this.queue);
				if (info != null && info.getConsumerCount() == 0 && info.getMessageCount() > 0) {
					if (System.nanoTime() - idleSince[0] >= this.noWorkerWarningNanos) {
						log.info("{} partitions wait in queue {} and no worker takes them: start 'archive worker' "
								+ "on a machine that shares this register and store", info.getMessageCount(),
								this.queue);
						idleSince[0] = System.nanoTime();
						this.progress.waitingForWorkers(info.getMessageCount(), this.queue);
					}
				}
				else {
					idleSince[0] = System.nanoTime();
				}
			}
			catch (RuntimeException ex) {
				log.debug("Could not read the progress of the workers", ex);
			}
		}, this.pollMillis, this.pollMillis, TimeUnit.MILLISECONDS);
		try {
			return this.messages.handle(splitter, managerStepExecution);
		}
		finally {
			watching.cancel(false);
			watch.shutdownNow();
			this.progress.readFromRegister();
		}
	}

}
