package be.permitarchive.cli;

import be.permitarchive.messages.Messages;
import java.io.PrintStream;

/** A command that prints for people: it is given the message bundle in their language and where to print. */
abstract class PrintingCommand implements ArchiveCommand.MessagesAware {

	protected Messages messages;

	protected PrintStream out;

	@Override
	public void messages(Messages messages, PrintStream out) {
		this.messages = messages;
		this.out = out;
	}

}
