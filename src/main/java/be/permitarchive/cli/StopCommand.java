package be.permitarchive.cli;

import java.util.concurrent.Callable;

import be.permitarchive.job.JobStopper;
import be.permitarchive.job.JobStopper.StopRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code archive stop <execution>}: asks the process running an ingest (on this machine or another) to stop it
 * after the dossiers in flight; {@code archive restart} resumes it.
 */
@Command(name = "stop")
class StopCommand extends PrintingCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<execution>", descriptionKey = "stop.execution")
	long execution;

	@Option(names = "--register.url", descriptionKey = "option.registerUrl", paramLabel = "<jdbc-url>")
	String registerUrl;

	@Override
	public Integer call() throws Exception {
		try (ConfigurableApplicationContext context = Register.open(ArchiveCommand.springArguments(this.registerUrl))) {
			StopRequest stop = context.getBean(JobStopper.class).stop(this.execution);
			String id = String.valueOf(stop.executionId());
			this.out.println(this.messages.get(stop.alreadyStopping() ? "stop.already" : "stop.requested", id,
					stop.delivery()));
			this.out.println(this.messages.get("stop.resume", id));
			return 0;
		}
	}

}
