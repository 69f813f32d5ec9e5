package be.permitarchive.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code archive help [<command> [<subcommand>]]}: the usage help of the command named, at any depth ({@code help
 * reference load}); picocli's own help command looks at the first name only.
 */
@Command(name = "help", helpCommand = true)
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {

	@Parameters(paramLabel = "<command>", arity = "0..*", descriptionKey = "help.command")
	String[] commands = {};

	private CommandLine self;

	private CommandLine.Help.ColorScheme colors;

	private PrintWriter out;

	@Override
	public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter out,
			PrintWriter err) {
		this.self = helpCommandLine;
		this.colors = colorScheme;
		this.out = out;
	}

	@Override
	public void run() {
		CommandLine target = this.self.getParent();
		for (String name : this.commands) {
			CommandLine sub = target.getSubcommands().get(name);
			if (sub == null) {
				throw new UsageException(this.self, "error.usage.unknownCommand", name, target.getCommandName());
			}
			target = sub;
		}
		target.usage(this.out, this.colors);
	}

}
