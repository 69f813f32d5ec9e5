package be.permitarchive.cli;

import be.permitarchive.messages.Messages;
import java.io.PrintStream;

/**
 * A command that prints for people: it is given the message bundle in their language and where to print, and what to
 * do on SIGTERM when it runs a job.
 */
abstract class PrintingCommand implements ArchiveCommand.MessagesAware {

	protected Messages messages;

	protected PrintStream out;

	protected GracefulStop gracefulStop;

	@Override
	public void messages(Messages messages, PrintStream out, GracefulStop gracefulStop) {
		this.messages = messages;
		this.out = out;
		this.gracefulStop = gracefulStop;
	}

}
