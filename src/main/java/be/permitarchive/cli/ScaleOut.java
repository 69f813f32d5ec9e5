package be.permitarchive.cli;

import be.permitarchive.job.ScaleOutProperties;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.ConfigurableApplicationContext;

/** The broker of a scaled-out run, checked before a command relies on it. */
final class ScaleOut {

	private ScaleOut() {
	}

	/**
	 * When scale-out is on, opens a connection to the broker once, so that an unreachable broker stops the command
	 * with its own message ({@code AmqpConnectException}, exit 5) before any job starts.
	 */
	static void checkBroker(ConfigurableApplicationContext context) {
		if (!context.getBean(ScaleOutProperties.class).enabled()) {
			return;
		}
		ConnectionFactory broker = context.getBean("scaleOutConnectionFactory", ConnectionFactory.class);
		broker.createConnection().close();
	}

}
