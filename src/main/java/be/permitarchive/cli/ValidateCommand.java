package be.permitarchive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import be.permitarchive.ingest.NotADeliveryException;
import be.permitarchive.job.ExitCode;
import be.permitarchive.validate.DeliveryValidator;
import be.permitarchive.validate.ValidationOptions;
import be.permitarchive.validate.ValidationReport;
import be.permitarchive.validate.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code archive validate <delivery> [--report DIR]}: checks a delivery against the standard, on the contractor's
 * machine as well (no register). Exit 0 accepted, 1 rejected.
 */
@Command(name = "validate")
class ValidateCommand extends PrintingCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<delivery>", descriptionKey = "validate.delivery")
	Path delivery;

	@Option(names = "--report", descriptionKey = "validate.reportDir", paramLabel = "<folder>")
	Path reportDir;

	@Option(names = "--strict", descriptionKey = "validate.strict")
	boolean strict;

	@Override
	public Integer call() throws Exception {
		if (!Files.isDirectory(this.delivery)) {
			throw new NotADeliveryException(this.delivery.toAbsolutePath().normalize());
		}
		ValidationOptions options = ValidationOptions.defaults();
		if (this.strict) {
			options = options.withLenient(false);
		}
		ValidationReport report = new DeliveryValidator().validate(this.delivery, options);
		Path dir = (this.reportDir != null) ? this.reportDir
				: this.delivery.toAbsolutePath().normalize().resolveSibling(
						this.delivery.toAbsolutePath().normalize().getFileName() + "-acceptance-report");
		Path html = ValidationPrinter.writeReports(report, this.messages, dir);
		ValidationPrinter.print(report, this.messages, html, this.out);
		return (report.verdict() == Verdict.ACCEPTED) ? ExitCode.OK.code() : ExitCode.REJECTED.code();
	}

}
