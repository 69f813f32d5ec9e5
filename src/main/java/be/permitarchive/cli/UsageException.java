package be.permitarchive.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

import be.permitarchive.messages.Messages;

/**
 * A wrong command line, said with a message from the bundle: the key and its arguments travel with the exception
 * and are put into words in the user's language where it is reported ({@link #describe}).
 */
final class UsageException extends ParameterException {

	private final String key;

	private final transient Object[] arguments;

	UsageException(CommandLine commandLine, String key, Object... arguments) {
		super(commandLine, key);
		this.key = key;
		this.arguments = arguments;
	}

	/** A number option that must be at least 1. */
	static int atLeastOne(CommandLine.Model.CommandSpec spec, String option, int value) {
		if (value < 1) {
			throw new UsageException(spec.commandLine(), "error.usage.atLeastOne", option, String.valueOf(value));
		}
		return value;
	}

	/**
	 * What went wrong, in the user's language: ours by key, picocli's own by its exception type (its English text
	 * only for the rare kinds the bundle does not name).
	 */
	static String describe(ParameterException failure, Messages messages) {
		if (failure instanceof UsageException usage) {
			return messages.get(usage.key, usage.arguments);
		}
		if (failure instanceof CommandLine.UnmatchedArgumentException unmatched) {
			return messages.get("error.usage.unmatched", String.join(" ", unmatched.getUnmatched()));
		}
		if (failure instanceof CommandLine.MissingParameterException missing) {
			return messages.get("error.usage.missing", names(missing.getMissing()));
		}
		if (failure instanceof CommandLine.OverwrittenOptionException overwritten) {
			return messages.get("error.usage.repeated", name(overwritten.getOverwritten()));
		}
		if (failure.getArgSpec() != null && failure.getValue() != null) {
			return messages.get("error.usage.invalidValue", name(failure.getArgSpec()), failure.getValue());
		}
		return failure.getMessage();
	}

	private static String names(List<ArgSpec> specs) {
		return String.join(", ", specs.stream().map(UsageException::name).toList());
	}

	private static String name(ArgSpec spec) {
		if (spec instanceof OptionSpec option) {
			return option.longestName();
		}
		return (spec instanceof PositionalParamSpec positional) ? positional.paramLabel() : String.valueOf(spec);
	}

}
