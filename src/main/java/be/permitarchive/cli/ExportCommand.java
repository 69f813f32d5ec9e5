package be.permitarchive.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import be.permitarchive.register.internal.JsonlExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code archive export --format jsonl [--out FILE]}: the register as one JSON object per dossier. */
@Command(name = "export")
class ExportCommand implements Callable<Integer>, ArchiveCommand.MessagesAware {

	enum Format {

		jsonl, geojson

	}

	@Option(names = "--format", descriptionKey = "export.format", defaultValue = "jsonl", paramLabel = "jsonl|geojson")
	Format format;

	@Option(names = "--out", descriptionKey = "export.out", paramLabel = "<file>")
	Path out;

	@Option(names = "--public", descriptionKey = "export.public")
	boolean publicOnly;

	@Option(names = "--register.url", descriptionKey = "option.registerUrl", paramLabel = "<jdbc-url>")
	String registerUrl;

	private Messages messages;

	private PrintStream stdout;

	@Override
	public void messages(Messages messages, PrintStream out) {
		this.messages = messages;
		this.stdout = out;
	}

	private int write(JsonlExporter exporter, Writer writer) throws java.io.IOException {
		return (this.format == Format.geojson) ? exporter.exportGeoJson(writer, this.publicOnly)
				: exporter.export(writer, this.publicOnly);
	}

	@Override
	public Integer call() throws Exception {
		try (ConfigurableApplicationContext context = Register.open(ArchiveCommand.springArguments(this.registerUrl))) {
			JsonlExporter exporter = context.getBean(JsonlExporter.class);
			if (this.out == null) {
				Writer writer = new OutputStreamWriter(this.stdout, StandardCharsets.UTF_8);
				write(exporter, writer);
				writer.flush();
				return 0;
			}
			Path temp = Files.createTempFile(this.out.toAbsolutePath().getParent(), ".export", ".jsonl");
			int count;
			try (BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				count = write(exporter, writer);
			}
			Files.move(temp, this.out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			System.err.println(this.messages.get("export.done", count, this.out.toAbsolutePath()));
			return 0;
		}
	}

}
