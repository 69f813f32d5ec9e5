package be.permitarchive.job;

import java.util.Map;

import org.slf4j.MDC;

/**
 * The delivery, dossier and page a log line is about (the logging context, MDC), carried from the thread that hands
 * work out to the thread that does it, so that every line of a run says what it concerns: in the plain log between
 * brackets, as fields in the JSON log ({@code logging.structured.format.file}).
 */
public final class LogContext {

	public static final String DELIVERY = "delivery";

	public static final String DOSSIER = "dossier";

	public static final String PAGE = "page";

	private LogContext() {
	}

	/** {@code task} with the logging context of the calling thread, restored afterwards. */
	public static Runnable wrap(Runnable task) {
		Map<String, String> context = MDC.getCopyOfContextMap();
		return () -> {
			Map<String, String> previous = MDC.getCopyOfContextMap();
			set(context);
			try {
				task.run();
			}
			finally {
				set(previous);
			}
		};
	}

	/** The calling thread's logging context, to hand to another thread. */
	public static Map<String, String> capture() {
		return MDC.getCopyOfContextMap();
	}

	/** Sets (or, for null, clears) this thread's logging context. */
	public static void set(Map<String, String> context) {
		if (context == null) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(context);
		}
	}

}
