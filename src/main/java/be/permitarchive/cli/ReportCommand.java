package be.permitarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import be.permitarchive.messages.Messages;
import be.permitarchive.report.CampaignStatus;
import be.permitarchive.report.internal.CampaignReportHtml;
import be.permitarchive.report.internal.JdbcCampaignStatus;
import be.permitarchive.store.StoreProperties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code archive report [--out status.html]}: the campaign report, one self-contained HTML file read from the
 * register. Written to a temporary file and moved into place, so a browser or a web server never sees half of it.
 */
@Command(name = "report")
class ReportCommand extends PrintingCommand implements Callable<Integer> {

	/** The report's file name, in {@code data/reports/} or in the folder given with {@code --out}. */
	static final String FILE_NAME = "campagnestatus.html";

	@Option(names = "--out", descriptionKey = "report.out", paramLabel = "<file>")
	Path target;

	@Option(names = "--limit", descriptionKey = "report.limit", paramLabel = "<n>", defaultValue = "200")
	int limit;

	@Option(names = "--register.url", descriptionKey = "option.registerUrl", paramLabel = "<jdbc-url>")
	String registerUrl;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		if (this.limit < 1) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					this.messages.get("jobs.limit.invalid", this.limit));
		}
		try (ConfigurableApplicationContext context = Register.open(ArchiveCommand.springArguments(this.registerUrl))) {
			Path target = (this.target == null) ? defaultTarget(context)
					: Files.isDirectory(this.target) ? this.target.resolve(FILE_NAME) : this.target;
			CampaignStatus status;
			try {
				status = write(context, this.messages, target, this.limit);
			}
			catch (IOException ex) {
				throw new OutputNotWritableException(target.toAbsolutePath().normalize(), ex);
			}
			var totals = status.totals();
			this.out.println(this.messages.get("report.done", target.toAbsolutePath().normalize(),
					totals.deliveries(), totals.dossiers(), totals.pages(), totals.needsReview(),
					totals.quarantinedFiles()));
			return 0;
		}
	}

	/** {@code data/reports/campagnestatus.html}: beside the acceptance reports. */
	static Path defaultTarget(ConfigurableApplicationContext context) {
		return reports(context).resolve(FILE_NAME);
	}

	private static Path reports(ConfigurableApplicationContext context) {
		return context.getBean(StoreProperties.class).dir().toAbsolutePath().normalize().resolveSibling("reports");
	}

	/**
	 * Reads the campaign's status and writes the report to {@code file}: to a temporary file beside it, then moved
	 * over it, so a browser or a web server never sees half of it.
	 * @return what the report shows
	 */
	static CampaignStatus write(ConfigurableApplicationContext context, Messages messages, Path file, int limit)
			throws IOException {
		Path target = file.toAbsolutePath().normalize();
		CampaignStatus status = context.getBean(JdbcCampaignStatus.class).read(reports(context), limit);
		Files.createDirectories(target.getParent());
		AtomicFile.write(target, (out) -> {
			new CampaignReportHtml(ZoneId.systemDefault()).write(status, messages::get, target.getParent(), out);
			return null;
		});
		return status;
	}

}
