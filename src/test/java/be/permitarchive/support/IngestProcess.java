package be.permitarchive.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import be.permitarchive.Application;

/**
 * The real {@code archive ingest} in a JVM of its own, as cron or systemd runs it, with one OCR worker (so its ocr
 * step runs two partitions one after the other, one dossier at a time): for the tests that kill it, stop it or send
 * it SIGTERM. Its output goes to {@code child.log} in the work folder.
 */
public final class IngestProcess {

	private IngestProcess() {
	}

	/** Starts {@code archive ingest <delivery>} on {@code database}, with its store in {@code work/store}. */
	public static Process start(Path work, Path delivery, String database) throws IOException {
		return start(work, List.of("ingest", delivery.toString(), "--register.url=" + database));
	}

	/** Starts {@code archive <arguments>}, with its store in {@code work/store}. */
	public static Process start(Path work, List<String> arguments) throws IOException {
		return start(work, List.of(), arguments, "child.log");
	}

	/**
	 * Starts {@code archive <arguments>} with these system properties ({@code name=value}, which override the
	 * defaults here) or JVM options ({@code -Xmx600m}), with its store in {@code work/store}, its output in
	 * {@code work/<log>}.
	 */
	public static Process start(Path work, List<String> properties, List<String> arguments, String log)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx1g");
		command.add("-Darchive.home=" + work);
		command.add("-Dstore.dir=" + work.resolve("store"));
		command.add("-Docr.workers=1");
		// a JVM option (-Xmx...) as it is: the last one given counts
		properties.forEach((property) -> command.add(property.startsWith("-X") ? property : "-D" + property));
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Application.class.getName());
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve(log).toFile());
		builder.environment().put("OMP_THREAD_LIMIT", "1");
		return builder.start();
	}

	/** What the child printed. */
	public static String log(Path work) throws IOException {
		return log(work, "child.log");
	}

	/** What the child with this log printed. */
	public static String log(Path work, String log) throws IOException {
		Path file = work.resolve(log);
		return Files.exists(file) ? Files.readString(file) : "";
	}

	/**
	 * Waits until {@code condition} holds while the child keeps running; fails when the child ends first or the time
	 * is up (and then kills it). A condition that throws (the child has not created the schema yet) is false.
	 */
	public static void waitUntil(BooleanSupplier condition, Duration timeout, Process child, Path work)
			throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!child.isAlive()) {
				throw new AssertionError("the ingest process ended by itself (exit " + child.exitValue() + "): "
						+ log(work));
			}
			try {
				if (condition.getAsBoolean()) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// the child has not created the schema yet
			}
			Thread.sleep(200);
		}
		child.destroyForcibly();
		throw new AssertionError("timed out; child log: " + log(work));
	}

	/** Copies a folder tree, such as {@code sample-scans/delivery}. */
	public static void copyTree(Path from, Path to) throws IOException {
		try (var walk = Files.walk(from)) {
			for (Path source : walk.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

}
