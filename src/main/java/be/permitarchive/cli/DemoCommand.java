package be.permitarchive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import be.permitarchive.ingest.NotADeliveryException;
import picocli.CommandLine.Command;

/**
 * {@code archive demo}: ingest the sample delivery into a register of its own, the embedded demo register in
 * {@code data/demo/} (its store and reports beside it). Whatever register is configured ({@code register.url},
 * {@code REGISTER_URL}, the user's embedded register in {@code data/register}) is never touched: the fictional
 * samples and their parcel map must not end up in a real register.
 */
@Command(name = "demo")
class DemoCommand extends PrintingCommand implements Callable<Integer> {

	/** The demo's own embedded register, store and reports, under the archive's home. */
	static Path demoDir(Path home) {
		return home.resolve("data").resolve("demo").toAbsolutePath().normalize();
	}

	/**
	 * The settings that put the demo in its own embedded register; given as command-line arguments, they win over
	 * the configuration files, the environment and system properties. No broker either: workers would write to the
	 * register they are configured with.
	 */
	static List<String> springArguments(Path demoDir) {
		return List.of("--register.url=", "--register.username=", "--register.password=",
				"--register.data-dir=" + demoDir.resolve("register"), "--register.port=0",
				"--store.dir=" + demoDir.resolve("store"), "--scale-out.broker=");
	}

	@Override
	public Integer call() throws Exception {
		Path home = Path.of(System.getProperty("archive.home", "."));
		Path sampleScans = home.resolve("sample-scans");
		Path samples = sampleScans.resolve("delivery");
		Path reference = Files.isDirectory(sampleScans.resolve("reference")) ? sampleScans.resolve("reference") : null;
		if (!Files.isDirectory(samples)) {
			throw new NotADeliveryException(samples);
		}
		Path demo = demoDir(home);
		this.out.println(this.messages.get("demo.intro", demo.resolve("register")));
		int code = IngestCommand.ingest(samples, reference, false, springArguments(demo), this.messages, this.out,
				this.gracefulStop);
		this.out.println(this.messages.get("demo.next", demo.resolve("register"), demo.resolve("store")));
		return code;
	}

}
