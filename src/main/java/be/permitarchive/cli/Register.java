package be.permitarchive.cli;

import java.util.ArrayList;
import java.util.List;

import be.permitarchive.Application;
import be.permitarchive.register.internal.EarlyRegisterStart;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Opens the register (and the rest of the application) for one command. */
final class Register {

	private Register() {
	}

	static ConfigurableApplicationContext open(List<String> arguments) {
		return application().run(arguments.toArray(String[]::new));
	}

	/**
	 * Opens the register for a command that runs a job and stops it gracefully on SIGTERM ({@link GracefulStop}):
	 * Spring does not close the context (nor stop the logging) from its own shutdown hook under the running job; the
	 * command closes it when the run has stopped, which also stops the embedded register when no other command uses it.
	 */
	static ConfigurableApplicationContext openForJob(List<String> arguments) {
		List<String> args = new ArrayList<>(arguments);
		args.add("--logging.register-shutdown-hook=false");
		return application().registerShutdownHook(false).run(args.toArray(String[]::new));
	}

	private static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.listeners(new EarlyRegisterStart())
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false);
	}

}
