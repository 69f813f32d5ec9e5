package be.permitarchive.cli;

import be.permitarchive.messages.Messages;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import be.permitarchive.job.ExitCode;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code archive} command line: parses, picks the language, and maps every failure to a message and an exit
 * code ({@link ExitCode}); no stack trace reaches the user.
 */
@Command(name = "archive", mixinStandardHelpOptions = true, versionProvider = ArchiveCommand.Version.class,
		subcommands = { DemoCommand.class, ValidateCommand.class, IngestCommand.class, NightlyCommand.class, ExportCommand.class,
				ReferenceCommand.class,
				GeorefCommand.class,
				JobsCommand.class,
				StopCommand.class,
				RestartCommand.class,
				WorkerCommand.class,
				ReportCommand.class,
				SamplesCommand.class,
				VerifyCommand.class,
				HelpCommand.class },
		usageHelpAutoWidth = true)
public final class ArchiveCommand implements Callable<Integer> {

	/** The languages of the messages ({@code --lang}, {@code ARCHIVE_LANG}). */
	static final List<String> LANGUAGES = List.of("nl", "en");

	@Option(names = "--lang", descriptionKey = "option.lang", paramLabel = "nl|en", scope = CommandLine.ScopeType.INHERIT)
	String language = "nl";

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
		return ExitCode.USAGE.code();
	}

	public static int run(String[] args) {
		return run(args, System.out, System.err);
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		String language = language(args);
		if (!LANGUAGES.contains(language.toLowerCase(java.util.Locale.ROOT))) {
			Messages dutch = Messages.of("nl");
			err.println(dutch.get("error.usage", dutch.get("error.usage.lang", language)));
			return ExitCode.USAGE.code();
		}
		Messages messages = Messages.of(language);
		CommandLine commandLine = new CommandLine(new ArchiveCommand());
		helpOnEveryCommand(commandLine);
		commandLine.setResourceBundle(messages.bundle());
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> Failures.report(ex, messages, err));
		commandLine.setParameterExceptionHandler((ex, params) -> {
			err.println(messages.get("error.usage", UsageException.describe(ex, messages)));
			ex.getCommandLine().usage(err);
			return ExitCode.USAGE.code();
		});
		GracefulStop gracefulStop = new GracefulStop(messages, out);
		tellMessages(commandLine, messages, out, gracefulStop);
		int code = ExitCode.JOB_FAILED.code();
		try {
			code = commandLine.execute(args);
		}
		catch (OutOfMemoryError ex) {
			// picocli hands errors on: said here, or the JVM ends with a stack trace (and an ingest's stop hook
			// waited its whole patience for a run that had already died)
			LoggerFactory.getLogger(ArchiveCommand.class).error("Out of memory", ex);
			err.println(messages.get("error.outOfMemory", Runtime.getRuntime().maxMemory() >> 20));
		}
		catch (Error ex) {
			LoggerFactory.getLogger(ArchiveCommand.class).error("Unexpected error", ex);
			err.println(messages.get("error.unexpected", ex.toString()));
		}
		finally {
			gracefulStop.finished(code);
		}
		return code;
	}

	/** {@code --help} (and {@code --version}) on every command, as on {@code archive} itself. */
	private static void helpOnEveryCommand(CommandLine commandLine) {
		for (CommandLine sub : commandLine.getSubcommands().values()) {
			if (!sub.getCommandSpec().helpCommand()) {
				sub.getCommandSpec().mixinStandardHelpOptions(true);
			}
			helpOnEveryCommand(sub);
		}
	}

	private static void tellMessages(CommandLine commandLine, Messages messages, PrintStream out,
			GracefulStop gracefulStop) {
		for (CommandLine sub : commandLine.getSubcommands().values()) {
			if (sub.getCommand() instanceof MessagesAware aware) {
				aware.messages(messages, out, gracefulStop);
			}
			tellMessages(sub, messages, out, gracefulStop);
		}
	}

	/** The language asked for on the command line or in {@code ARCHIVE_LANG}, before parsing. */
	static String language(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--lang=")) {
				return args[i].substring("--lang=".length());
			}
			if (args[i].equals("--lang") && i + 1 < args.length) {
				return args[i + 1];
			}
		}
		String env = System.getenv("ARCHIVE_LANG");
		return (env != null) ? env : "nl";
	}

	/** Spring arguments shared by every command that opens the register. */
	static List<String> springArguments(String registerUrl) {
		List<String> args = new ArrayList<>();
		if (registerUrl != null && !registerUrl.isBlank()) {
			args.add("--register.url=" + registerUrl);
		}
		return args;
	}

	/** A command that prints for people, in their language, and stops its run gracefully on SIGTERM. */
	interface MessagesAware {

		void messages(Messages messages, PrintStream out, GracefulStop gracefulStop);

	}

	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = ArchiveCommand.class.getPackage().getImplementationVersion();
			return new String[] { "archive " + ((version != null) ? version : "development build") };
		}

	}

}
