package be.permitarchive.register.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import be.permitarchive.register.RegisterProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;

/**
 * Starts the embedded register while Spring builds the rest of the application, instead of after: as soon as the
 * configuration is known ({@link ApplicationEnvironmentPreparedEvent}), PostgreSQL is started (or its cluster
 * created) on a thread of its own; the register's bean then takes the running server ({@link #take}) or, when nothing
 * was started early (tests, another data directory), starts it itself. The two take about as long (1-2 s each), so
 * every command that opens the embedded register starts that much sooner. A server started early and never taken
 * (the application failed first, or closed without using it) is closed: stopped, unless another command uses it.
 */
public final class EarlyRegisterStart implements ApplicationListener<ApplicationEvent>, Ordered {

	private static final Logger log = LoggerFactory.getLogger(EarlyRegisterStart.class);

	private static final Map<String, CompletableFuture<EmbeddedRegister>> STARTING = new ConcurrentHashMap<>();

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			RegisterProperties properties = Binder.get(prepared.getEnvironment())
				.bind("register", RegisterProperties.class)
				.orElse(null);
			if (properties == null) {
				properties = new RegisterProperties(null, null, null, null, 0);
			}
			if (properties.embedded()) {
				Path dataDir = properties.dataDir();
				int port = properties.port();
				STARTING.computeIfAbsent(key(dataDir, port), (k) -> {
					CompletableFuture<EmbeddedRegister> future = new CompletableFuture<>();
					Thread thread = new Thread(() -> {
						try {
							future.complete(EmbeddedRegister.start(dataDir, port));
						}
						catch (Throwable ex) {
							future.completeExceptionally(ex);
						}
					}, "register-start");
					thread.setDaemon(true);
					thread.start();
					return future;
				});
			}
		}
		else if (event instanceof ApplicationFailedEvent || event instanceof ContextClosedEvent) {
			stopUntaken();
		}
	}

	/**
	 * The embedded register on {@code dataDir}: the one started early when there is one (waiting for it), else started
	 * now. A failure to start is thrown as it would be by {@link EmbeddedRegister#start}.
	 */
	static EmbeddedRegister take(Path dataDir, int port) {
		CompletableFuture<EmbeddedRegister> started = STARTING.remove(key(dataDir, port));
		if (started == null) {
			return EmbeddedRegister.start(dataDir, port);
		}
		try {
			return started.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private static void stopUntaken() {
		List<CompletableFuture<EmbeddedRegister>> untaken = new ArrayList<>();
		STARTING.keySet().forEach((key) -> {
			CompletableFuture<EmbeddedRegister> future = STARTING.remove(key);
			if (future != null) {
				untaken.add(future);
			}
		});
		for (CompletableFuture<EmbeddedRegister> future : untaken) {
			try {
				future.join().close();
			}
			catch (RuntimeException ex) {
				log.debug("The embedded register started early did not start: {}", ex.toString());
			}
		}
	}

	private static String key(Path dataDir, int port) {
		return dataDir.toAbsolutePath().normalize() + ":" + port;
	}

	/** After the logging system is set up, so that the register's start is logged like the rest. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
