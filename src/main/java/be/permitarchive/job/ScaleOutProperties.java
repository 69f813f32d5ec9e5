package be.permitarchive.job;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Scale-out settings ({@code scale-out.*} in config/application.yml): without a broker the ocr step's partitions run
 * in the process that runs the job; with one, they are sent as messages to {@code archive worker} processes.
 * @param broker the RabbitMQ broker, an AMQP URI such as {@code amqp://user:password@host:5672}; empty for none
 * @param queue the durable queue the partitions wait in
 * @param partitions the partitions a delivery's pending dossiers are split into when workers run them
 * @param pollInterval how often the manager reads the job repository to see which partitions are finished
 * @param drainTimeout how long a worker told to stop gives its running partitions to finish; what is unfinished then
 * is taken over by another worker
 * @param noWorkerWarning how long partitions may wait in a queue no worker reads before the manager says so
 */
@ConfigurationProperties("scale-out")
public record ScaleOutProperties(URI broker, String queue, int partitions, Duration pollInterval,
		Duration drainTimeout, Duration noWorkerWarning) {

	/** The property that turns scale-out on. */
	public static final String BROKER = "scale-out.broker";

	/** Set by {@code archive worker}: this process takes partitions from the queue. */
	public static final String WORKER = "scale-out.worker";

	/** The lifecycle {@code archive worker} starts to take partitions, and stops to take no more. */
	public static final String WORKER_INBOUND = "ocrPartitionsInbound";

	public ScaleOutProperties {
		queue = (queue == null || queue.isBlank()) ? "archive.ocr-partitions" : queue;
		partitions = (partitions <= 0) ? 64 : partitions;
		pollInterval = (pollInterval == null || pollInterval.isZero()) ? Duration.ofSeconds(2) : pollInterval;
		drainTimeout = (drainTimeout == null) ? Duration.ofSeconds(60) : drainTimeout;
		noWorkerWarning = (noWorkerWarning == null || noWorkerWarning.isZero()) ? Duration.ofSeconds(60)
				: noWorkerWarning;
	}

	public boolean enabled() {
		return this.broker != null && StringUtils.hasText(this.broker.toString());
	}

	/** The broker without its password, for messages and logs. */
	public String brokerForDisplay() {
		if (!enabled()) {
			return "";
		}
		URI uri = this.broker;
		String user = (uri.getUserInfo() != null) ? uri.getUserInfo().split(":", 2)[0] + "@" : "";
		return uri.getScheme() + "://" + user + uri.getHost() + ((uri.getPort() > 0) ? ":" + uri.getPort() : "")
				+ ((uri.getPath() != null) ? uri.getPath() : "");
	}

	/** True when a broker is configured ({@code scale-out.broker} not empty). */
	static final class Enabled implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty(BROKER));
		}

	}

	/** True when no broker is configured: the partitions run in this process. */
	static final class Disabled implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty(BROKER));
		}

	}

	/** True in an {@code archive worker} process with a broker configured. */
	static final class Worker implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty(BROKER))
					&& context.getEnvironment().getProperty(WORKER, Boolean.class, false);
		}

	}

}
