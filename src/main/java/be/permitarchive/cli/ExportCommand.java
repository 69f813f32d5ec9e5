package be.permitarchive.cli;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import be.permitarchive.cli.ExportFile.Format;
import be.permitarchive.register.internal.JsonlExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code archive export --format jsonl [--out FILE]}: the register as one JSON object per dossier. */
@Command(name = "export")
class ExportCommand extends PrintingCommand implements Callable<Integer> {

	@Option(names = "--format", descriptionKey = "export.format", defaultValue = "jsonl", paramLabel = "jsonl|geojson")
	Format format;

	@Option(names = "--out", descriptionKey = "export.out", paramLabel = "<file>")
	Path target;

	@Option(names = "--public", descriptionKey = "export.public")
	boolean publicOnly;

	@Option(names = "--register.url", descriptionKey = "option.registerUrl", paramLabel = "<jdbc-url>")
	String registerUrl;

	@Override
	public Integer call() throws Exception {
		try (ConfigurableApplicationContext context = Register.open(ArchiveCommand.springArguments(this.registerUrl))) {
			JsonlExporter exporter = context.getBean(JsonlExporter.class);
			if (this.target == null) {
				Writer writer = new OutputStreamWriter(this.out, StandardCharsets.UTF_8);
				ExportFile.write(exporter, this.format, this.publicOnly, writer);
				writer.flush();
				return 0;
			}
			int count = ExportFile.write(exporter, this.format, this.publicOnly, this.target);
			System.err.println(this.messages.get("export.done", count, this.target.toAbsolutePath()));
			return 0;
		}
	}

}
