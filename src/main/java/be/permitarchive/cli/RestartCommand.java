package be.permitarchive.cli;

import java.util.List;
import java.util.concurrent.Callable;

import be.permitarchive.job.IngestRunner;
import be.permitarchive.job.IngestRunner.IngestResult;
import be.permitarchive.job.JobStopper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code archive restart <execution>}: resumes a failed or stopped ingest run (or one whose process died) where it
 * stopped, under its delivery's lock, and prints the same summary as {@code ingest}.
 */
@Command(name = "restart")
class RestartCommand extends PrintingCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<execution>", descriptionKey = "restart.execution")
	long execution;

	@Option(names = "--register.url", descriptionKey = "option.registerUrl", paramLabel = "<jdbc-url>")
	String registerUrl;

	Integer workers;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--workers", descriptionKey = "option.workers", paramLabel = "<n>")
	void workers(int workers) {
		this.workers = UsageException.atLeastOne(this.spec, "--workers", workers);
	}

	@Override
	public Integer call() throws Exception {
		List<String> args = ArchiveCommand.springArguments(this.registerUrl);
		if (this.workers != null) {
			args.add("--ocr.workers=" + this.workers);
		}
		this.out.println(this.messages.get("restart.starting", String.valueOf(this.execution)));
		this.gracefulStop.install();
		try (ConfigurableApplicationContext context = Register.openForJob(args)) {
			ScaleOut.checkBroker(context);
			this.gracefulStop.stopWith(context.getBean(JobStopper.class)::stopRunningHere);
			IngestResult result = context.getBean(IngestRunner.class).restart(this.execution);
			if (result.nothingToDo()) {
				this.out.println(this.messages.get("restart.nothing", String.valueOf(result.executionId())));
			}
			return IngestCommand.printResult(context, result, this.messages, this.out);
		}
	}

}
