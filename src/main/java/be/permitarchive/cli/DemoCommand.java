package be.permitarchive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import be.permitarchive.ingest.NotADeliveryException;
import picocli.CommandLine.Command;

/** {@code archive demo}: ingest the sample delivery into the embedded register. */
@Command(name = "demo")
class DemoCommand extends PrintingCommand implements Callable<Integer> {


	@Override
	public Integer call() throws Exception {
		Path sampleScans = Path.of(System.getProperty("archive.home", ".")).resolve("sample-scans");
		Path samples = sampleScans.resolve("delivery");
		Path reference = Files.isDirectory(sampleScans.resolve("reference")) ? sampleScans.resolve("reference") : null;
		if (!Files.isDirectory(samples)) {
			throw new NotADeliveryException(samples);
		}
		this.out.println(this.messages.get("demo.intro"));
		int code = IngestCommand.ingest(samples, reference, false, ArchiveCommand.springArguments(null), this.messages,
				this.out, this.gracefulStop);
		this.out.println(this.messages.get("demo.next"));
		return code;
	}

}
