package be.permitarchive.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
			Path target = (this.target != null) ? this.target : defaultTarget(context);
			CampaignStatus status = write(context, this.messages, target, this.limit);
			var totals = status.totals();
			this.out.println(this.messages.get("report.done", target.toAbsolutePath().normalize(),
					totals.deliveries(), totals.dossiers(), totals.pages(), totals.needsReview(),
					totals.quarantinedFiles()));
			return 0;
		}
	}

	/** {@code data/reports/campagnestatus.html}: beside the acceptance reports. */
	static Path defaultTarget(ConfigurableApplicationContext context) {
		return reports(context).resolve("campagnestatus.html");
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
		Path temp = Files.createTempFile(target.getParent(), ".report", ".html");
		try {
			try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				new CampaignReportHtml(ZoneId.systemDefault()).write(status, messages::get, target.getParent(), out);
			}
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
		return status;
	}

}
