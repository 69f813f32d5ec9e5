package be.permitarchive.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.concurrent.Callable;

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
			Path reports = context.getBean(StoreProperties.class).dir().toAbsolutePath().normalize().resolveSibling(
					"reports");
			Path target = ((this.target != null) ? this.target : reports.resolve("campagnestatus.html"))
				.toAbsolutePath()
				.normalize();
			CampaignStatus status = context.getBean(JdbcCampaignStatus.class).read(reports, this.limit);
			Files.createDirectories(target.getParent());
			Path temp = Files.createTempFile(target.getParent(), ".report", ".html");
			try {
				try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
					new CampaignReportHtml(ZoneId.systemDefault()).write(status, this.messages::get,
							target.getParent(), out);
				}
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temp);
			}
			var totals = status.totals();
			this.out.println(this.messages.get("report.done", target, totals.deliveries(), totals.dossiers(),
					totals.pages(), totals.needsReview(), totals.quarantinedFiles()));
			return 0;
		}
	}

}
