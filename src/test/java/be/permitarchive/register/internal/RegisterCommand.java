package be.permitarchive.register.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A command that uses the embedded register, in a JVM of its own, for the tests where a command dies or two run at
 * once: {@code RegisterCommand <data dir>} opens the register, prints {@code READY <port>}, and closes it and exits
 * when it reads {@code close} (or its input ends). Its output goes to a log file of the test's choice.
 */
public final class RegisterCommand {

	private RegisterCommand() {
	}

	public static void main(String[] args) throws IOException {
		try (EmbeddedRegister register = EmbeddedRegister.start(Path.of(args[0]), 0)) {
			System.out.println("READY " + register.port());
			System.out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line;
			while ((line = in.readLine()) != null && !line.equals("close")) {
				// keep using the register
			}
		}
		System.out.println("CLOSED");
	}

	/** Starts {@code RegisterCommand dataDir} with its output in {@code log}. */
	static Process start(Path dataDir, Path log) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx128m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(RegisterCommand.class.getName());
		command.add(dataDir.toString());
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** Waits until the command has opened the register; its port. Fails when it ends first or takes too long. */
	static int awaitReady(Process command, Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			String output = Files.exists(log) ? Files.readString(log) : "";
			for (String line : output.split("\n")) {
				if (line.startsWith("READY ")) {
					return Integer.parseInt(line.substring("READY ".length()).trim());
				}
			}
			if (!command.isAlive()) {
				throw new AssertionError("the command ended (exit " + command.exitValue() + ") before it had the "
						+ "register: " + output);
			}
			Thread.sleep(100);
		}
		command.destroyForcibly();
		throw new AssertionError("the command did not get the register within 2 minutes: " + Files.readString(log));
	}

	/** Tells the command to close the register and exit; its exit code. */
	static int close(Process command) throws Exception {
		command.getOutputStream().write("close\n".getBytes(StandardCharsets.UTF_8));
		command.getOutputStream().flush();
		if (!command.waitFor(Duration.ofMinutes(1).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
			command.destroyForcibly();
			throw new AssertionError("the command did not exit within a minute of being told to close");
		}
		return command.exitValue();
	}

}
