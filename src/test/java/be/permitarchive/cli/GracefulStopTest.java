package be.permitarchive.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import be.permitarchive.messages.Messages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the SIGTERM handling without ending the JVM (SigtermStopTest signals a real process): while
 * a run finishes during the JVM's shutdown, the JDK closes every file-cached ImageIO stream from its own shutdown
 * hook, which failed the page being encoded; ImageIO must cache in memory once a command runs a job.
 */
class GracefulStopTest {

	@Test
	void imageStreamsAreCachedInMemorySoTheJdkShutdownHookCannotCloseThePagesInFlight() throws Exception {
		// given ImageIO's default: a cache file, which the JDK's StreamCloser closes on shutdown
		ImageIO.setUseCache(true);
		GracefulStop gracefulStop = new GracefulStop(Messages.of("nl"), new PrintStream(new ByteArrayOutputStream()));
		try {
			// when a command is about to run a job
			gracefulStop.install();

			// then
			try (ImageOutputStream out = ImageIO.createImageOutputStream(new ByteArrayOutputStream())) {
				assertThat(out).isInstanceOf(MemoryCacheImageOutputStream.class);
			}
		}
		finally {
			gracefulStop.finished(0);
		}
	}

}
