package be.permitarchive.cli;

import be.permitarchive.messages.Messages;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import be.permitarchive.job.ExitCode;
import be.permitarchive.job.IngestProgress;
import be.permitarchive.job.IngestRunner;
import be.permitarchive.job.IngestRunner.DeliveryRejectedException;
import be.permitarchive.job.IngestRunner.IngestResult;
import be.permitarchive.job.JobStopper;
import be.permitarchive.register.RegisterProperties;
import be.permitarchive.register.internal.RegisterLocation;
import be.permitarchive.store.StoreProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code archive ingest <delivery>}: OCR a delivery into the register. */
@Command(name = "ingest")
class IngestCommand extends PrintingCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<delivery>", descriptionKey = "ingest.delivery")
	Path delivery;

	@Option(names = "--accept-with-findings", descriptionKey = "ingest.acceptWithFindings")
	boolean acceptWithFindings;

	@Option(names = "--reference", descriptionKey = "ingest.reference", paramLabel = "<folder>")
	Path reference;

	@Mixin
	JobOptions job;


	@Override
	public Integer call() throws Exception {
		return ingest(this.delivery, this.reference, this.acceptWithFindings, this.job.springArguments(), this.messages, this.out,
				this.gracefulStop);
	}


	static int ingest(Path delivery, Path reference, boolean acceptWithFindings, List<String> springArgs,
			Messages messages, PrintStream out, GracefulStop gracefulStop) throws Exception {
		if (!java.nio.file.Files.isDirectory(delivery)) {
			throw new be.permitarchive.ingest.NotADeliveryException(delivery.toAbsolutePath().normalize());
		}
		out.println(messages.get("ingest.starting", delivery.toAbsolutePath().normalize()));
		gracefulStop.install();
		try (ConfigurableApplicationContext context = Register.openForJob(springArgs)) {
			ScaleOut.checkBroker(context);
			gracefulStop.stopWith(context.getBean(JobStopper.class)::stopRunningHere);
			IngestResult result;
			Path reports = context.getBean(StoreProperties.class).dir().toAbsolutePath().normalize().resolveSibling(
					"reports").resolve("validation-" + delivery.toAbsolutePath().normalize().getFileName());
			IngestProgress progress = context.getBean(IngestProgress.class);
			ProgressPrinter printer = ProgressPrinter.forConsole(messages, out);
			progress.listen(printer);
			AtomicReference<Path> written = new AtomicReference<>();
			try {
				result = context.getBean(IngestRunner.class).ingest(delivery, reference, acceptWithFindings,
						(validation) -> written.set(ValidationPrinter.writeFindings(validation, messages, reports)));
			}
			catch (DeliveryRejectedException rejected) {
				Path html = (written.get() != null) ? written.get()
						: ValidationPrinter.writeReports(rejected.report(), messages, reports);
				ValidationPrinter.print(rejected.report(), messages, html, out);
				out.println(messages.get("ingest.rejected"));
				return ExitCode.REJECTED.code();
			}
			finally {
				progress.stopListening(printer);
			}
			if (result.nothingToDo()) {
				out.println(messages.get("ingest.nothing-to-do", String.valueOf(result.executionId())));
			}
			if (result.remade() > 0) {
				out.println(messages.get("ingest.remade", result.remade()));
			}
			if (result.validation() != null && written.get() != null) {
				out.println(messages.get("ingest.validated", result.validation().findings().size(), written.get()));
			}
			return printResult(context, result, messages, out);
		}
	}

	/** The summary of a run, what went wrong or how to resume it; returns the exit code. */
	static int printResult(ConfigurableApplicationContext context, IngestResult result, Messages messages,
			PrintStream out) {
		RegisterProperties register = context.getBean(RegisterProperties.class);
		String where = register.embedded()
				? messages.get("summary.register.embedded", register.dataDir().toAbsolutePath().normalize())
				: RegisterLocation.of(register).url();
		SummaryPrinter.print(result.summary(), messages,
				context.getBean(StoreProperties.class).dir().toAbsolutePath().normalize(), where, out);
		String execution = String.valueOf(result.executionId());
		if (result.exitCode() == ExitCode.JOB_FAILED && result.failure() != null) {
			out.println(messages.get("ingest.failed", execution, result.failure()));
		}
		if (result.exitCode() == ExitCode.STOPPED) {
			out.println(messages.get("ingest.stopped", execution));
		}
		return result.exitCode().code();
	}

}
