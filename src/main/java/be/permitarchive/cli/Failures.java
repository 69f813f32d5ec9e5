package be.permitarchive.cli;

import be.permitarchive.messages.Messages;
import java.io.PrintStream;

import be.permitarchive.ingest.EmptyDeliveryException;
import be.permitarchive.ingest.NotADeliveryException;
import be.permitarchive.job.DeliveryLockLostException;
import be.permitarchive.job.ExecutionNotRestartableException;
import be.permitarchive.job.ExecutionNotRunningException;
import be.permitarchive.job.ExitCode;
import be.permitarchive.job.IngestRunner.DeliveryLockedException;
import be.permitarchive.job.NoSuchExecutionException;
import be.permitarchive.ocr.OcrUnavailableException;
import be.permitarchive.register.internal.DeliveryLock;
import be.permitarchive.register.internal.RegisterLocation;
import be.permitarchive.register.internal.RegisterUnavailableException;
import be.permitarchive.register.internal.RegisterUnreachableException;
import be.permitarchive.register.internal.SupersededReferenceDataException;

/** The one place that turns a failure into a message for people and an exit code. */
final class Failures {

	private Failures() {
	}

	/** The exit code {@link #report} would give, without printing anything. */
	static int exitCode(Throwable failure, Messages messages) {
		return report(failure, messages, new PrintStream(java.io.OutputStream.nullOutputStream()));
	}

	/**
	 * Whether the database could not be reached or used at all (connection, authentication, unknown database, server
	 * shutting down or out of resources: SQLSTATE classes 08, 28, 3D, 53, 57), as opposed to a statement it refused.
	 * A failure without SQLSTATE (the driver gave up before talking to a server) counts as unreachable.
	 */
	static boolean unreachable(java.sql.SQLException failure) {
		String state = failure.getSQLState();
		return state == null || failure instanceof java.sql.SQLTransientConnectionException
				|| failure instanceof java.sql.SQLNonTransientConnectionException
				|| java.util.List.of("08", "28", "3D", "53", "57").contains(state.substring(0, Math.min(2,
						state.length())));
	}

	/** Where to look when the register cannot be reached: the register in use, when the failure says which. */
	static String registerHint(Throwable failure, Messages messages) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			RegisterLocation location = (cause instanceof RegisterUnreachableException unreachable)
					? unreachable.location()
					: (cause instanceof RegisterUnavailableException unavailable) ? unavailable.location() : null;
			if (location != null && location.embedded()) {
				return messages.get("error.register.embedded", location.dataDir(), location.serverLog());
			}
			if (location != null) {
				return messages.get("error.register.external", location.url());
			}
		}
		return messages.get("error.register.unknown");
	}

	/** Who holds a delivery's lock, in the user's language and local time. */
	static String holder(DeliveryLock.Holder holder, Messages messages) {
		if (!holder.known()) {
			return messages.get("error.locked.unknownHolder");
		}
		return messages.get("error.locked.holder", holder.application(),
				(holder.address() != null) ? holder.address() : messages.get("error.locked.local"),
				messages.dateTime(holder.since()));
	}

	static int report(Throwable failure, Messages messages, PrintStream err) {
		Throwable cause = failure;
		while (cause != null) {
			if (cause instanceof EmptyDeliveryException empty) {
				err.println(messages.get("error.emptyDelivery", empty.path()));
				return ExitCode.USAGE.code();
			}
			if (cause instanceof NotADeliveryException notADelivery) {
				err.println(messages.get("error.notADelivery", notADelivery.path()));
				return ExitCode.USAGE.code();
			}
			if (cause instanceof OutputNotWritableException output) {
				err.println(messages.get("error.cannotWrite", output.target(),
						String.valueOf(output.getCause().getMessage())));
				return ExitCode.USAGE.code();
			}
			if (cause instanceof DeliveryLockedException locked) {
				err.println(messages.get("error.locked", holder(locked.holder(), messages)));
				return ExitCode.LOCKED.code();
			}
			if (cause instanceof DeliveryLockLostException lost && lost.delivery() != null) {
				String execution = (lost.executionId() != null)
						? messages.get("error.lockLost.execution", String.valueOf(lost.executionId())) : "";
				err.println(messages.get("error.lockLost", lost.delivery(), execution));
				return ExitCode.LOCK_LOST.code();
			}
			if (cause instanceof NoSuchExecutionException unknown) {
				err.println(messages.get("error.noSuchExecution", String.valueOf(unknown.executionId())));
				return ExitCode.USAGE.code();
			}
			if (cause instanceof ExecutionNotRunningException notRunning) {
				String id = String.valueOf(notRunning.executionId());
				err.println(notRunning.interrupted() ? messages.get("error.executionInterrupted", id)
						: messages.get("error.notRunning", id, messages.get("jobs.status." + notRunning.status())));
				return ExitCode.USAGE.code();
			}
			if (cause instanceof ExecutionNotRestartableException notRestartable) {
				err.println(messages.get("error.notRestartable", String.valueOf(notRestartable.executionId()),
						messages.get("jobs.status." + notRestartable.status())));
				return ExitCode.USAGE.code();
			}
			if (cause instanceof SupersededReferenceDataException superseded) {
				err.println(messages.get("error.referenceSuperseded", superseded.folder(),
						String.valueOf(superseded.superseded().id()), String.valueOf(superseded.current().id())));
				return ExitCode.USAGE.code();
			}
			if (cause instanceof be.permitarchive.georef.ReferenceDataException) {
				err.println(messages.get("error.referenceData", cause.getMessage()));
				return ExitCode.USAGE.code();
			}
			if (cause instanceof OcrUnavailableException) {
				err.println(messages.get("error.ocrUnavailable", cause.getMessage()));
				return ExitCode.PREREQUISITES.code();
			}
			if (cause instanceof RegisterUnavailableException || cause.getClass().getName().startsWith("org.flywaydb")
					|| (cause instanceof java.sql.SQLException sql && unreachable(sql))) {
				err.println(messages.get("error.register", cause.getMessage(), registerHint(failure, messages)));
				return ExitCode.REGISTER_UNAVAILABLE.code();
			}
			if (cause instanceof org.springframework.amqp.AmqpConnectException) {
				err.println(messages.get("error.broker", String.valueOf(cause.getMessage())));
				return ExitCode.REGISTER_UNAVAILABLE.code();
			}
			if (cause instanceof java.sql.SQLException sql) {
				err.println(messages.get("error.registerQuery", sql.getMessage(), String.valueOf(sql.getSQLState())));
				return ExitCode.JOB_FAILED.code();
			}
			cause = (cause.getCause() == cause) ? null : cause.getCause();
		}
		err.println(messages.get("error.unexpected", failure.toString()));
		return ExitCode.JOB_FAILED.code();
	}

}
