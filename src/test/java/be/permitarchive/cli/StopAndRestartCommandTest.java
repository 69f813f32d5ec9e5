package be.permitarchive.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import be.permitarchive.support.IngestProcess;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code archive stop} from one process ends the ingest running in another after its dossiers in flight, that
 * process exits by itself with 8, and {@code archive restart} resumes the run where it stopped.
 */
class StopAndRestartCommandTest {

	static final Path work = TestDeliveries.workDir("stop-restart");

	static final String DATABASE = TestRegister.newDatabase();

	@Test
	void stopEndsTheRunAfterItsDossiersInFlightAndRestartResumesIt() throws Exception {
		// given a delivery of five dossiers (24 pages) being OCR'd by another process, one dossier at a time
		Path delivery = work.resolve("delivery");
		IngestProcess.copyTree(Path.of("sample-scans", "delivery"), delivery);
		Process child = IngestProcess.start(work, delivery, DATABASE);
		IngestProcess.waitUntil(() -> number("select count(*) from batch_step_execution where step_name = 'ocr'") > 0,
				Duration.ofMinutes(3), child, work);
		int registeredWhenAsked = registered();
		long execution = number("select job_execution_id from batch_job_execution where status = 'STARTED'");

		// when it is stopped from here
		Run stop = run("stop", String.valueOf(execution), "--register.url=" + DATABASE);

		// then the command says what happens and how to resume
		assertThat(stop.code()).as(stop.err()).isZero();
		assertThat(stop.out()).contains("Uitvoering " + execution + " (levering " + delivery + ") wordt gestopt")
			.contains("./archive restart " + execution);
		// and the ingest finishes its dossiers in flight and ends by itself, stopped
		assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the stopped process ends by itself").isTrue();
		assertThat(child.exitValue()).as(IngestProcess.log(work)).isEqualTo(8);
		assertThat(status(execution)).isEqualTo("STOPPED");
		int registeredWhenStopped = registered();
		assertThat(registeredWhenStopped).as("the chunk in flight was finished, the rest left for later")
			.isGreaterThan(registeredWhenAsked)
			.isLessThan(5);
		assertThat(number("select count(*) from page where kind = 'failed'")).as("no page cut off half-way").isZero();

		// and the list of jobs says so in words
		Run jobs = run("jobs", "--register.url=" + DATABASE);
		assertThat(jobs.out()).contains("gestopt op verzoek; hervat met ./archive restart " + execution)
			.doesNotContain("JobInterruptedException");

		// when it is restarted
		Run restart = run("restart", String.valueOf(execution), "--register.url=" + DATABASE);

		// then it completes the delivery from where it stopped, in the same job instance
		assertThat(restart.code()).as(restart.out() + restart.err()).isIn(0, 3);
		assertThat(restart.out()).contains("Uitvoering " + execution + " wordt hervat").contains("Dossiers: 5");
		assertThat(registered()).isEqualTo(5);
		assertThat(number("select count(*) from page")).isEqualTo(24);
		assertThat(number("""
				select count(*) from (select document_id, page_index from page
				group by document_id, page_index having count(*) > 1) duplicates""")).isZero();
		long resumed = number("select max(job_execution_id) from batch_job_execution");
		assertThat(status(resumed)).isEqualTo("COMPLETED");
		assertThat(number("select count(distinct job_instance_id) from batch_job_execution"))
			.as("the stopped execution and its restart belong to one job instance")
			.isEqualTo(1);
		assertThat(number("select read_count from batch_step_execution where step_name = 'ocr' and job_execution_id = "
				+ resumed))
			.as("only the unfinished dossiers are OCR'd on restart")
			.isEqualTo(5 - registeredWhenStopped);
	}

	private static int registered() {
		return (int) number("select count(*) from dossier where status in ('registered', 'needs-review')");
	}

	private static String status(long execution) throws SQLException {
		try (Connection connection = DriverManager.getConnection(DATABASE);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"select status from batch_job_execution where job_execution_id = " + execution)) {
			rs.next();
			return rs.getString(1);
		}
	}

	/** The one number a query answers. */
	private static long number(String sql) {
		try (Connection connection = DriverManager.getConnection(DATABASE);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Run run(String... args) {
		return Run.of(work.resolve("store"), args);
	}


}
