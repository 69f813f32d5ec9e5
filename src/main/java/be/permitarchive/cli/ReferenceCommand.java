package be.permitarchive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import be.permitarchive.georef.internal.ReferenceDataFolder;
import be.permitarchive.ingest.NotADeliveryException;
import be.permitarchive.register.internal.JdbcReferenceData;
import be.permitarchive.register.internal.JdbcReferenceData.Loaded;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code archive reference load <folder>}: a new version of the parcel map, divisions and addresses. */
@Command(name = "reference", subcommands = ReferenceCommand.Load.class)
class ReferenceCommand implements Callable<Integer> {

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
		return 2;
	}

	@Command(name = "load")
	static class Load extends PrintingCommand implements Callable<Integer> {

		@Parameters(index = "0", paramLabel = "<folder>", descriptionKey = "reference.folder")
		Path folder;

		@Option(names = "--capakey-attribute", descriptionKey = "reference.capakeyAttribute", paramLabel = "<name>",
				defaultValue = ReferenceDataFolder.DEFAULT_CAPAKEY_ATTRIBUTE)
		String capakeyAttribute;

		@Option(names = "--force", descriptionKey = "reference.force")
		boolean force;

		@Option(names = "--register.url", descriptionKey = "option.registerUrl", paramLabel = "<jdbc-url>")
		String registerUrl;


		@Override
		public Integer call() throws Exception {
			if (!Files.isDirectory(this.folder)) {
				throw new NotADeliveryException(this.folder.toAbsolutePath().normalize());
			}
			try (ConfigurableApplicationContext context = Register.open(ArchiveCommand.springArguments(this.registerUrl))) {
				Loaded loaded = context.getBean(JdbcReferenceData.class).load(this.folder, this.capakeyAttribute,
						this.force);
				JdbcReferenceData.Version v = loaded.version();
				this.out.println(this.messages.get(loaded.created() ? "reference.loaded" : "reference.unchanged",
						String.valueOf(v.id()), v.source(), v.parcels(), v.divisions(), v.addresses(), v.repaired(),
						v.rejected()));
				if (loaded.created()) {
					this.out.println(loaded.replaced()
						.map((old) -> this.messages.get("reference.replaces", String.valueOf(v.id()),
								String.valueOf(old.id()), old.source(), old.parcels(), old.addresses()))
						.orElseGet(() -> this.messages.get("reference.first", String.valueOf(v.id()))));
				}
				return 0;
			}
		}

	}

}
