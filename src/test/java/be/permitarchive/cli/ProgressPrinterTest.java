package be.permitarchive.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import be.permitarchive.job.IngestProgress.Snapshot;
import be.permitarchive.messages.Messages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a terminal (cron, systemd) the progress is plain lines a log can keep, in the user's language. */
class ProgressPrinterTest {

	@Test
	void withoutATerminalTheStartAndTheEndArePlainLinesInDutch() {
		// given
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		ProgressPrinter printer = new ProgressPrinter(Messages.of("nl"), out, false);

		// when
		printer.started(new Snapshot("/d", 0, 20, 0, 96, Duration.ZERO, 0, null));
		printer.advanced(new Snapshot("/d", 4, 20, 18, 96, Duration.ofSeconds(12), 1.5, Duration.ofSeconds(52)));
		printer.finished(new Snapshot("/d", 20, 20, 96, 96, Duration.ofSeconds(75), 1.28, Duration.ZERO));

		// then
		String printed = bytes.toString(StandardCharsets.UTF_8);
		assertThat(printed.lines()).containsExactly("Te lezen: 20 dossier(s), 96 pagina's.",
				"Voortgang: 20/20 dossiers, 96/96 pagina's, 1.28 pagina's/s, 1 min 15 s bezig, nog ongeveer 0 s.");
	}

	@Test
	void inEnglishToo() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ProgressPrinter printer = new ProgressPrinter(Messages.of("en"), new PrintStream(bytes, true,
				StandardCharsets.UTF_8), false);

		printer.finished(new Snapshot("/d", 3, 5, 10, 24, Duration.ofSeconds(4000), 0.5, Duration.ofSeconds(28)));

		assertThat(bytes.toString(StandardCharsets.UTF_8).strip())
			.isEqualTo("Progress: 3/5 dossiers, 10/24 pages, 0.50 pages/s, running for 1 h 6 min, about 28 s left.");
	}

}
