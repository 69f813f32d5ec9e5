package be.permitarchive.cli;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.permitarchive.job.JobHistory;
import be.permitarchive.job.JobHistory.ExecutionRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code archive jobs [--limit N]}: the job executions in the register, newest first. */
@Command(name = "jobs")
class JobsCommand extends PrintingCommand implements Callable<Integer> {

	private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/**
	 * An exit message that starts with an exception's class name, as Spring Batch records a stopped run's
	 * ({@code JobInterruptedException}): said in words when the bundle has them ({@code jobs.message.<class>}).
	 */
	private static final Pattern EXCEPTION = Pattern.compile("(?:[a-z_][a-z0-9_]*\\.)+([A-Z]\\w*)\\b");

	private static final String[] HEADERS = { "id", "job", "delivery", "status", "start", "duration", "dossiers",
			"message" };

	@Option(names = "--limit", descriptionKey = "jobs.limit", paramLabel = "<n>", defaultValue = "20")
	int limit;

	@Option(names = "--register.url", descriptionKey = "option.registerUrl", paramLabel = "<jdbc-url>")
	String registerUrl;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		if (this.limit < 1) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					this.messages.get("jobs.limit.invalid", this.limit));
		}
		try (ConfigurableApplicationContext context = Register.open(ArchiveCommand.springArguments(this.registerUrl))) {
			List<ExecutionRow> executions = context.getBean(JobHistory.class).recent(this.limit);
			if (executions.isEmpty()) {
				this.out.println(this.messages.get("jobs.none"));
				return 0;
			}
			List<String[]> table = new ArrayList<>();
			String[] headers = new String[HEADERS.length];
			for (int i = 0; i < HEADERS.length; i++) {
				headers[i] = this.messages.get("jobs.header." + HEADERS[i]);
			}
			table.add(headers);
			LocalDateTime now = LocalDateTime.now();
			for (ExecutionRow execution : executions) {
				table.add(row(execution, now));
			}
			print(table);
			this.out.println();
			this.out.println(this.messages.get("jobs.hint"));
			return 0;
		}
	}

	private String[] row(ExecutionRow execution, LocalDateTime now) {
		String status = execution.interrupted() ? this.messages.get("jobs.status.interrupted")
				: this.messages.get("jobs.status." + execution.status().name());
		String duration = execution.running() ? this.messages.get("jobs.running")
				: execution.interrupted() ? "-" : duration(execution.duration(now));
		return new String[] { String.valueOf(execution.id()), execution.jobName(),
				Objects.requireNonNullElse(execution.delivery(), ""), status,
				(execution.start() != null) ? START.format(execution.start()) : "", duration,
				String.valueOf(execution.dossiersRead()), message(execution) };
	}

	private String message(ExecutionRow execution) {
		Matcher exception = EXCEPTION.matcher(execution.exitSummary());
		if (exception.lookingAt() && this.messages.has("jobs.message." + exception.group(1))) {
			return this.messages.get("jobs.message." + exception.group(1), String.valueOf(execution.id()));
		}
		return execution.exitSummary();
	}

	/** 42s, 1m 23s, 2h 05m. */
	static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + "m " + (seconds % 60) + "s";
		}
		return (seconds / 3600) + "h " + String.format("%02dm", (seconds % 3600) / 60);
	}

	private void print(List<String[]> table) {
		int[] widths = new int[HEADERS.length];
		for (String[] row : table) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		for (String[] row : table) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				line.append(row[i]).append(" ".repeat(widths[i] - row[i].length())).append("  ");
			}
			this.out.println(line.toString().stripTrailing());
		}
	}

}
