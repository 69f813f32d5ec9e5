package be.permitarchive.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import be.permitarchive.messages.Messages;
import be.permitarchive.validate.Finding;
import be.permitarchive.validate.Severity;
import be.permitarchive.validate.ValidationReport;
import be.permitarchive.validate.ValidationReportJson;
import be.permitarchive.validate.internal.AcceptanceReportHtml;

/** Writes the acceptance report (HTML and JSON) of a validation and prints its summary for people. */
final class ValidationPrinter {

	/** Findings listed on the terminal; the report has them all. */
	private static final int LISTED = 15;

	private ValidationPrinter() {
	}

	/** Writes {@code acceptance-report.html} and {@code .json} into {@code dir}; returns the HTML file. */
	static Path writeReports(ValidationReport report, Messages messages, Path dir) throws IOException {
		Files.createDirectories(dir);
		Path html = dir.resolve("acceptance-report.html");
		try (Writer out = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
			new AcceptanceReportHtml().write(report, messages::get, out);
		}
		try (Writer out = Files.newBufferedWriter(dir.resolve("acceptance-report.json"), StandardCharsets.UTF_8)) {
			ValidationReportJson.write(report, messages::get, out);
		}
		return html;
	}

	/**
	 * Writes the acceptance report of a validation with findings into {@code dir}, as soon as the delivery is
	 * validated; returns the HTML file, or null when there were no findings or the report could not be written (it is
	 * in the register either way, and the ingest goes on).
	 */
	static Path writeFindings(ValidationReport report, Messages messages, Path dir) {
		if (report.findings().isEmpty()) {
			return null;
		}
		try {
			return writeReports(report, messages, dir).toAbsolutePath();
		}
		catch (IOException | RuntimeException ex) {
			org.slf4j.LoggerFactory.getLogger(ValidationPrinter.class)
				.warn("Acceptance report not written to {}: {}", dir, ex.toString());
			return null;
		}
	}

	static void print(ValidationReport report, Messages messages, Path html, PrintStream out) {
		out.println(messages.get("validate.verdict." + report.verdict().name(), report.delivery(), report.dossiers(),
				report.files(), report.pages(), report.count(Severity.REJECT), report.count(Severity.WARN)));
		report.findings().stream().limit(LISTED).forEach((finding) -> out.println(line(finding, messages)));
		if (report.findings().size() > LISTED) {
			out.println(messages.get("validate.more", report.findings().size() - LISTED));
		}
		out.println(messages.get("validate.report", html.toAbsolutePath().normalize()));
	}

	private static String line(Finding finding, Messages messages) {
		String where = (finding.file() != null) ? finding.file() : (finding.dossier() != null) ? finding.dossier() : "";
		if (finding.page() != null) {
			where += " p" + finding.page();
		}
		return messages.get("validate.finding", messages.get("report.severity." + finding.severity().name()),
				finding.rule(), where, messages.get("rule." + finding.rule(), finding.args().toArray()));
	}

}
