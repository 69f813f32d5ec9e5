package be.permitarchive.cli;

import java.util.List;

import be.permitarchive.Application;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Opens the register (and the rest of the application) for one command. */
final class Register {

	private Register() {
	}

	static ConfigurableApplicationContext open(List<String> arguments) {
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(arguments.toArray(String[]::new));
	}

}
