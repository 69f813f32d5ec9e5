package be.permitarchive.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import be.permitarchive.register.internal.DeliveryLock;

import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The job executions as the job repository holds them, for people: newest first, with the delivery, the dossiers the
 * {@code ocr} step read and whether a run that the repository calls running still has a process behind it. One query
 * for the executions (and one for the delivery locks), however many there are.
 * <p>
 * The dossiers read are those of the ocr step's partitions ({@code ocr-partition:<n>}), which count as they go; the
 * ocr step adds them up only when it ends. Executions from before the step was partitioned have only the ocr step.
 */
@Component
public class JobHistory {

	private static final String EXECUTIONS = """
			select e.job_execution_id, i.job_name, e.status, e.start_time, e.end_time, e.exit_message,
			  (select p.parameter_value from batch_job_execution_params p
			   where p.job_execution_id = e.job_execution_id and p.parameter_name = 'delivery') as delivery,
			  (select coalesce(sum(s.read_count) filter (where s.step_name like 'ocr-partition:%'),
			     sum(s.read_count) filter (where s.step_name = 'ocr'), 0)
			   from batch_step_execution s where s.job_execution_id = e.job_execution_id) as dossiers_read
			from batch_job_execution e
			join batch_job_instance i on i.job_instance_id = e.job_instance_id
			""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	JobHistory(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** The {@code limit} most recent executions, newest first. */
	public List<ExecutionRow> recent(int limit) throws SQLException {
		List<ExecutionRow> rows = this.jdbc.sql(EXECUTIONS + "order by e.job_execution_id desc limit :limit")
			.param("limit", limit)
			.query(JobHistory::row)
			.list();
		return withLiveness(rows);
	}

	/** One execution, if the repository knows it. */
	public Optional<ExecutionRow> find(long executionId) throws SQLException {
		List<ExecutionRow> rows = this.jdbc.sql(EXECUTIONS + "where e.job_execution_id = :id")
			.param("id", executionId)
			.query(JobHistory::row)
			.list();
		return withLiveness(rows).stream().findFirst();
	}

	private static ExecutionRow row(ResultSet rs, int rowNum) throws SQLException {
		return new ExecutionRow(rs.getLong("job_execution_id"), rs.getString("job_name"), rs.getString("delivery"),
				BatchStatus.valueOf(rs.getString("status")), rs.getObject("start_time", LocalDateTime.class),
				rs.getObject("end_time", LocalDateTime.class), rs.getLong("dossiers_read"),
				rs.getString("exit_message"), false);
	}

	/** Marks the executions still running in the repository whose delivery nobody holds: their process died. */
	private List<ExecutionRow> withLiveness(List<ExecutionRow> rows) throws SQLException {
		List<String> running = rows.stream()
			.filter((r) -> r.status().isRunning() && r.delivery() != null)
			.map(ExecutionRow::delivery)
			.toList();
		if (running.isEmpty()) {
			return rows;
		}
		Set<String> locked = DeliveryLock.locked(this.dataSource, IngestJobConfiguration.JOB_NAME, running);
		return rows.stream()
			.map((r) -> (r.status().isRunning() && !locked.contains(r.delivery())) ? r.withInterrupted(true) : r)
			.toList();
	}

	/**
	 * One job execution.
	 * @param delivery the delivery it ran on (its {@code delivery} parameter), null for a job without one
	 * @param dossiersRead the dossiers read by its {@code ocr} step
	 * @param interrupted the repository says it is running, but no process holds its delivery: the process that ran
	 * it died (kill -9, power cut); {@code archive restart} resumes it
	 */
	public record ExecutionRow(long id, String jobName, String delivery, BatchStatus status, LocalDateTime start,
			LocalDateTime end, long dossiersRead, String exitMessage, boolean interrupted) {

		static final int MESSAGE_LENGTH = 80;

		/** Whether a process is still working on it. */
		public boolean running() {
			return this.status.isRunning() && !this.interrupted;
		}

		/** From start to end, or to {@code now} while it runs. */
		public Duration duration(LocalDateTime now) {
			if (this.start == null) {
				return Duration.ZERO;
			}
			return Duration.between(this.start, Objects.requireNonNullElse(this.end, now));
		}

		/** The first line of the exit message, at most 80 characters; empty when there is none. */
		public String exitSummary() {
			if (this.exitMessage == null || this.exitMessage.isBlank()) {
				return "";
			}
			String line = this.exitMessage.strip().lines().findFirst().orElse("").strip();
			return (line.length() <= MESSAGE_LENGTH) ? line : line.substring(0, MESSAGE_LENGTH - 3) + "...";
		}

		ExecutionRow withInterrupted(boolean interrupted) {
			return new ExecutionRow(this.id, this.jobName, this.delivery, this.status, this.start, this.end,
					this.dossiersRead, this.exitMessage, interrupted);
		}

	}

}
