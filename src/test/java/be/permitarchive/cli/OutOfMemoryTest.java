package be.permitarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import be.permitarchive.support.IngestProcess;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;

import org.junit.jupiter.api.Test;

/**
 * A page larger than the heap can hold (the 9000 x 9000 colour PDF page of the real scans needs about 900 MB to
 * render): the ingest says so, with what to do, and ends with exit code 6. Before, the error went past the command,
 * the JVM began to exit, and the ingest's stop hook took that for a stop signal and waited ten minutes for a run that
 * was already dead: a nightly run hung.
 */
class OutOfMemoryTest {

	@Test
	void anIngestThatRunsOutOfHeapSaysSoAndEnds() throws Exception {
		// given
		Path work = TestDeliveries.workDir("out-of-memory");
		Path delivery = work.resolve("delivery");
		TestDeliveries.copy("real-scans/ocrmypdf/enormous.pdf", delivery.resolve("1990-0001"));

		// when
		Process child = IngestProcess.start(work, List.of("-Xmx600m"),
				List.of("ingest", delivery.toString(), "--register.url=" + TestRegister.newDatabase(), "--lang=en"),
				"child.log");
		boolean ended = child.waitFor(3, TimeUnit.MINUTES);
		if (!ended) {
			child.destroyForcibly();
		}

		// then
		String said = IngestProcess.log(work);
		assertThat(ended).as("the process ended within 3 minutes; it said:%n%s", said).isTrue();
		assertThat(child.exitValue()).as(said).isEqualTo(6);
		assertThat(said).contains("Out of memory: 600 MB of Java heap was not enough")
			.contains("ARCHIVE_JAVA_OPTS=-Xmx2g")
			.doesNotContain("Stop signal received");
	}

}
