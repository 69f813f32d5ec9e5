package be.permitarchive.support;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * A real RabbitMQ for the scale-out tests: {@code BROKER_TEST_URL}, or the machine's broker on 127.0.0.1:5672
 * (guest/guest). Each test gets a queue of its own, deleted afterwards. Without a broker these tests are skipped on a
 * developer's machine and fail in CI ({@code CI} set), where .ci/run makes sure one runs.
 */
public final class TestBroker {

	private TestBroker() {
	}

	public static String url() {
		String url = System.getenv("BROKER_TEST_URL");
		return (url != null && !url.isBlank()) ? url : "amqp://guest:guest@127.0.0.1:5672";
	}

	/** Skips the test when no broker runs here, except in CI, where it fails. */
	public static void require() {
		URI uri = URI.create(url());
		boolean reachable;
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 5672), 3000);
			reachable = true;
		}
		catch (java.io.IOException ex) {
			reachable = false;
		}
		if (!reachable && System.getenv("CI") != null) {
			throw new AssertionError("No RabbitMQ at " + uri.getHost() + ":" + uri.getPort()
					+ " (BROKER_TEST_URL): .ci/run should have started one");
		}
		Assumptions.assumeTrue(reachable, "no RabbitMQ at " + uri.getHost() + ":" + uri.getPort());
	}

	public static String newQueue() {
		return "archive.test-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
	}

	public static void deleteQueue(String queue) {
		CachingConnectionFactory factory = new CachingConnectionFactory(URI.create(url()));
		try {
			new RabbitAdmin(factory).deleteQueue(queue);
		}
		finally {
			factory.destroy();
		}
	}

	/** How many messages wait in the queue (0 when it does not exist). */
	public static long messages(String queue) {
		CachingConnectionFactory factory = new CachingConnectionFactory(URI.create(url()));
		try {
			var info = new RabbitAdmin(factory).getQueueInfo(queue);
			return (info == null) ? 0 : info.getMessageCount();
		}
		finally {
			factory.destroy();
		}
	}

}
