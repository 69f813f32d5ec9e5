package be.permitarchive.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import be.permitarchive.job.MapRealigner;
import be.permitarchive.job.MapRealigner.Report;
import be.permitarchive.register.internal.JdbcReferenceData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code archive georef [--map-version N]}: places the register's dossiers on a parcel map version (default: the
 * latest), realigning those placed on an older one, with a change report.
 */
@Command(name = "georef")
class GeorefCommand extends PrintingCommand implements Callable<Integer> {

	@Option(names = "--map-version", descriptionKey = "georef.mapVersion", paramLabel = "<n>")
	Long mapVersion;

	@Option(names = "--report", descriptionKey = "georef.report", paramLabel = "<folder>")
	Path report;

	@Option(names = "--register.url", descriptionKey = "option.registerUrl", paramLabel = "<jdbc-url>")
	String registerUrl;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;


	@Override
	public Integer call() throws Exception {
		try (ConfigurableApplicationContext context = Register.open(ArchiveCommand.springArguments(this.registerUrl))) {
			JdbcReferenceData referenceData = context.getBean(JdbcReferenceData.class);
			var version = (this.mapVersion != null) ? referenceData.version(this.mapVersion) : referenceData.latest();
			if (version.isEmpty() && this.mapVersion != null) {
				List<String> versions = versions(referenceData);
				throw versions.isEmpty()
						? new UsageException(this.spec.commandLine(), "georef.noSuchVersion.none", this.mapVersion)
						: new UsageException(this.spec.commandLine(), "georef.noSuchVersion",
								String.valueOf(this.mapVersion), String.join(", ", versions));
			}
			if (version.isEmpty()) {
				this.out.println(this.messages.get("georef.noMap"));
				return 2;
			}
			Path reports = (this.report != null) ? this.report
					: Path.of(System.getProperty("archive.home", "."), "data", "reports");
			MapRealigner realigner = context.getBean(MapRealigner.class);
			Report result = realigner.realign(version.get().id(), reports);
			int placed = realigner.placeUnplaced();
			this.out.println(this.messages.get("georef.done", version.get().id(), result.changed(),
					result.unchanged(), placed, result.csv().toAbsolutePath(), result.geojson().toAbsolutePath()));
			return 0;
		}
	}

	/** The versions of the reference data loaded, oldest first. */
	private static List<String> versions(JdbcReferenceData referenceData) {
		List<String> versions = new ArrayList<>();
		for (var version = referenceData.latest(); version.isPresent(); version = referenceData.previous(
				version.get().id())) {
			versions.add(0, String.valueOf(version.get().id()));
		}
		return versions;
	}

}
