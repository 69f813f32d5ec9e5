package be.permitarchive;

import be.permitarchive.cli.ArchiveCommand;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The {@code archive} command; commands that need the register start this Spring Boot application. */
@SpringBootApplication
public class Application {

	public static void main(String[] args) {
		System.exit(ArchiveCommand.run(args));
	}

}
