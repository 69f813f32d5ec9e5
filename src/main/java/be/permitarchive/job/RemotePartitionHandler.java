package be.permitarchive.job;

import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;

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

	/** How long partitions may wait in a queue nobody reads before the manager says so (and again every as long). */
	private final long noWorkerWarningNanos;

	RemotePartitionHandler(MessageChannelPartitionHandler messages, IngestProgress progress, AmqpAdmin broker,
			String queue, long pollMillis, java.time.Duration noWorkerWarning) {
		this.messages = messages;
		this.progress = progress;
		this.broker = broker;
		this.queue = queue;
		this.pollMillis = pollMillis;
		this.noWorkerWarningNanos = noWorkerWarning.toNanos();
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
