package be.permitarchive.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.BadSqlGrammarException;

import be.permitarchive.messages.Messages;
import be.permitarchive.register.RegisterProperties;
import be.permitarchive.register.internal.DeliveryLock;
import be.permitarchive.register.internal.RegisterLocation;
import be.permitarchive.register.internal.RegisterUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/** The one mapping from failures to messages and exit codes, for the register's failures. */
class FailuresTest {

	static final Messages DUTCH = Messages.of("nl");

	@Test
	void theHolderOfALockIsSaidInLocalTimeInTheUsersLanguage() {
		java.time.Instant since = java.time.Instant.parse("2026-03-04T13:05:00Z");
		String local = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.systemDefault())
			.format(since);
		DeliveryLock.Holder holder = new DeliveryLock.Holder("archive ingest pid 42", null, since);

		assertThat(Failures.holder(holder, DUTCH)).isEqualTo("archive ingest pid 42 (op deze machine, sinds 4 maart "
				+ "2026 om " + local + ")");
		assertThat(Failures.holder(new DeliveryLock.Holder(null, null, null), Messages.of("en")))
			.isEqualTo("another process");
	}

	@Test
	void aServerThatCannotBeReachedIsExit5WithWhatToCheck() {
		SQLException refused = new PSQLException("Connection to 127.0.0.1:1 refused.",
				PSQLState.CONNECTION_UNABLE_TO_CONNECT);
		Printed printed = report(new DataAccessResourceFailureException("no pool", refused));

		assertThat(printed.code()).isEqualTo(5);
		assertThat(printed.err()).contains("Het register is niet bereikbaar").contains("register.url");
	}

	@Test
	void theHintNamesTheRegisterInUse() {
		SQLException gone = new SQLException("FATAL: database \"register\" does not exist", "3D000");
		RegisterLocation external = RegisterLocation.of(new RegisterProperties(
				"jdbc:postgresql://db:5432/register?password=s3cret", null, null, null, 0));
		RegisterLocation embedded = RegisterLocation.of(new RegisterProperties(null, null, null,
				Path.of("/srv/archive/data/register"), 0));

		Printed toExternal = report(new RegisterUnavailableException("gone", external, gone));
		Printed toEmbedded = report(new DataAccessResourceFailureException("no connection",
				new RegisterUnavailableException("gone", embedded, gone)));

		assertThat(toExternal.code()).isEqualTo(5);
		assertThat(toExternal.err()).contains("register.url (jdbc:postgresql://db:5432/register?password=***)")
			.doesNotContain("s3cret").doesNotContain("ingebouwde");
		assertThat(toEmbedded.code()).isEqualTo(5);
		assertThat(toEmbedded.err()).contains("Het ingebouwde register (in /srv/archive/data/register)")
			.contains("/srv/archive/data/register.log").doesNotContain("Controleer register.url");
	}

	@Test
	void aWrongPasswordOrAMissingDatabaseIsUnreachableToo() {
		assertThat(report(new PSQLException("password authentication failed", PSQLState.INVALID_PASSWORD)).code())
			.isEqualTo(5);
		assertThat(report(new SQLException("database \"x\" does not exist", "3D000")).code()).isEqualTo(5);
	}

	@Test
	void aStatementTheRegisterRefusesIsNotCalledUnreachable() {
		SQLException refused = new SQLException("column \"nope\" does not exist", "42703");
		Printed printed = report(new BadSqlGrammarException("report", "select nope", refused));

		assertThat(printed.code()).isEqualTo(6);
		assertThat(printed.err()).contains("weigerde een opdracht").contains("42703").contains("archive.log")
			.doesNotContain("niet bereikbaar");
	}

	@Test
	void theExitCodeAloneIsTheSameAsReported() {
		SQLException refused = new SQLException("syntax error", "42601");
		assertThat(Failures.exitCode(refused, DUTCH)).isEqualTo(report(refused).code()).isEqualTo(6);
	}

	static Printed report(Throwable failure) {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Failures.report(failure, DUTCH, new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Printed(code, err.toString(StandardCharsets.UTF_8));
	}

	record Printed(int code, String err) {
	}

}
