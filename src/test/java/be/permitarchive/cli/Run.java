package be.permitarchive.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What one {@code archive} command printed and returned, run in the test's JVM the way {@code ./archive} runs it. */
record Run(int code, String out, String err) {

	/**
	 * Runs {@code archive <args>}.
	 * @param store the store folder the command uses ({@code store.dir}), or null to leave it as it is
	 */
	static Run of(Path store, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		if (store != null) {
			System.setProperty("store.dir", store.toString());
		}
		int code = ArchiveCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
