package be.permitarchive.job;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import be.permitarchive.ocr.OcrProperties;
import com.zaxxer.hikari.HikariDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Remote partitioning of the ocr step over RabbitMQ (Spring Batch Integration with Spring Integration AMQP), on
 * when {@code scale-out.broker} is set. The manager ({@code archive ingest}, {@code archive nightly}) sends one
 * small message per partition to a durable queue and polls the job repository ({@link RemotePartitionHandler});
 * {@code archive worker} processes take the messages, one partition per OCR worker thread, and run them
 * ({@link PartitionWorker}). A message is a step execution id and a step name, as JSON text: the partition's share
 * of the dossiers is in the job repository, its pages in the shared store.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ScaleOutProperties.Enabled.class)
@EnableIntegration
class RemotePartitioningConfiguration {

	/** AMQP heartbeat: a worker whose machine froze or lost the network loses its partitions within two of these. */
	static final int HEARTBEAT_SECONDS = 30;

	@Bean
	CachingConnectionFactory scaleOutConnectionFactory(ScaleOutProperties scaleOut) {
		CachingConnectionFactory factory = new CachingConnectionFactory(scaleOut.broker());
		factory.setRequestedHeartBeat(HEARTBEAT_SECONDS);
		factory.setConnectionTimeout(10_000);
		factory.setConnectionNameStrategy((f) -> "archive " + ProcessHandle.current().pid());
		return factory;
	}

	@Bean
	Queue ocrPartitionQueue(ScaleOutProperties scaleOut) {
		return new Queue(scaleOut.queue(), true);
	}

	@Bean
	RabbitAdmin scaleOutAdmin(CachingConnectionFactory scaleOutConnectionFactory) {
		return new RabbitAdmin(scaleOutConnectionFactory);
	}

	@Bean
	RabbitTemplate scaleOutTemplate(CachingConnectionFactory scaleOutConnectionFactory) {
		return new RabbitTemplate(scaleOutConnectionFactory);
	}

	@Bean
	DirectChannel ocrPartitionRequests() {
		return new DirectChannel();
	}

	/** The manager's messages: each partition's request, as JSON text, onto the queue (persistent). */
	@Bean
	IntegrationFlow ocrPartitionsToBroker(DirectChannel ocrPartitionRequests, RabbitTemplate scaleOutTemplate,
			ScaleOutProperties scaleOut, JsonMapper json) {
		return IntegrationFlow.from(ocrPartitionRequests)
			.transform(StepExecutionRequest.class, (request) -> toJson(request, json))
			.handle(Amqp.outboundAdapter(scaleOutTemplate).routingKey(scaleOut.queue()))
			.get();
	}

	@Bean
	PartitionHandler ocrPartitionHandler(DirectChannel ocrPartitionRequests, JobRepository jobRepository,
			ScaleOutProperties scaleOut, IngestProgress ingestProgress, AmqpAdmin scaleOutAdmin) throws Exception {
		MessagingTemplate messages = new MessagingTemplate();
		messages.setDefaultChannel(ocrPartitionRequests);
		MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
		handler.setStepName(IngestJobConfiguration.OCR_PARTITION_STEP);
		handler.setGridSize(scaleOut.partitions());
		handler.setMessagingOperations(messages);
		handler.setJobRepository(jobRepository);
		handler.setPollInterval(scaleOut.pollInterval().toMillis());
		handler.afterPropertiesSet();
		return new RemotePartitionHandler(handler, ingestProgress, scaleOutAdmin, scaleOut.queue(),
				scaleOut.pollInterval().toMillis(), scaleOut.noWorkerWarning(), jobRepository);
	}

	static String toJson(StepExecutionRequest request, JsonMapper json) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("stepExecutionId", request.getStepExecutionId());
		body.put("stepName", request.getStepName());
		return json.writeValueAsString(body);
	}

	static StepExecutionRequest fromJson(String text, JsonMapper json) {
		JsonNode body = json.readTree(text);
		return new StepExecutionRequest(body.get("stepName").asString(), body.get("stepExecutionId").asLong());
	}

	/**
	 * How long a worker waits before it hands back a partition it cannot run (the register unreachable, the
	 * delivery's folder not visible), so that it does not spin on redeliveries.
	 */
	static final java.time.Duration HAND_BACK_PAUSE = java.time.Duration.ofSeconds(10);

	private static void pause(java.time.Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The beans of an {@code archive worker} process. */
	@Configuration(proxyBeanMethods = false)
	@Conditional(ScaleOutProperties.Worker.class)
	static class Worker {

		/** The inbound adapter's bean name: {@code archive worker} starts it once it has checked its setup. */
		static final String INBOUND = ScaleOutProperties.WORKER_INBOUND;

		@Bean
		PartitionWorker partitionWorker(JobRepository jobRepository, Step ocrPartitionStep, DataSource dataSource) {
			StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
			handler.setJobRepository(jobRepository);
			handler.setStepLocator((name) -> IngestJobConfiguration.OCR_PARTITION_STEP.equals(name)
					? ocrPartitionStep : null);
			return new PartitionWorker(handler, jobRepository, lockConnections(dataSource));
		}

		/**
		 * Plain connections to the register, one per running partition for its lock, outside the pool (with the
		 * pool's settings and application name, so pg_stat_activity says which worker holds which partition).
		 */
		private static DataSource lockConnections(DataSource dataSource) {
			if (!(dataSource instanceof HikariDataSource pool)) {
				return dataSource;
			}
			DriverManagerDataSource plain = new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(),
					pool.getPassword());
			plain.setConnectionProperties(pool.getDataSourceProperties());
			return plain;
		}

		/**
		 * One consumer per OCR worker, each holding at most one unacknowledged message (prefetch 1): a slow worker
		 * never sits on partitions others could run. A message is acknowledged when its partition is finished; a
		 * worker that stops gives running partitions the drain timeout, then they go back to the queue.
		 */
		@Bean
		SimpleMessageListenerContainer ocrPartitionListener(CachingConnectionFactory scaleOutConnectionFactory,
				ScaleOutProperties scaleOut, OcrProperties ocr) {
			SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(scaleOutConnectionFactory);
			container.setQueueNames(scaleOut.queue());
			container.setConcurrentConsumers(ocr.effectiveWorkers());
			container.setPrefetchCount(1);
			container.setAcknowledgeMode(AcknowledgeMode.AUTO);
			container.setDefaultRequeueRejected(true);
			container.setShutdownTimeout(scaleOut.drainTimeout().toMillis());
			container.setMissingQueuesFatal(false);
			container.setAutoStartup(false);
			return container;
		}

		@Bean
		IntegrationFlow ocrPartitionsFromBroker(SimpleMessageListenerContainer ocrPartitionListener,
				PartitionWorker partitionWorker, JsonMapper json) {
			return IntegrationFlow.from(Amqp.inboundAdapter(ocrPartitionListener)
				.id(INBOUND)
				.autoStartup(false))
				.transform(String.class, (text) -> fromJson(text, json))
				.handle(StepExecutionRequest.class, (request, headers) -> {
					try {
						partitionWorker.run(request);
					}
					catch (PartitionWorker.DeliveryNotVisibleException ex) {
						pause(HAND_BACK_PAUSE);
						throw ex;
					}
					catch (java.sql.SQLException | org.springframework.dao.DataAccessException ex) {
						// back to the queue, for this worker or another, after a pause: not a tight loop of
						// redeliveries while the register is away
						pause(HAND_BACK_PAUSE);
						throw new IllegalStateException("The register is unreachable: partition "
								+ request.getStepExecutionId() + " goes back to the queue", ex);
					}
					return null;
				})
				.get();
		}

	}

}
