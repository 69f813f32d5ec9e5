package be.permitarchive.report.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.permitarchive.job.JobHistory;
import be.permitarchive.job.JobHistory.ExecutionRow;
import be.permitarchive.report.CampaignStatus;
import be.permitarchive.report.CampaignStatus.DeliveryRow;
import be.permitarchive.report.CampaignStatus.QuarantineItem;
import be.permitarchive.report.CampaignStatus.ReviewItem;
import be.permitarchive.report.CampaignStatus.Run;
import be.permitarchive.report.CampaignStatus.Totals;
import be.permitarchive.report.CampaignStatus.Week;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a campaign's status from the register and the job repository: a dozen aggregate queries, each answered by
 * the database, so the cost does not grow with the pages in Java (lists are capped: the review queue, the quarantine
 * list and the runs).
 */
@Component
public class JdbcCampaignStatus {

	/** Weeks shown at most in the weekly charts (two years): the most recent ones. */
	static final int WEEKS = 104;

	private static final String LAST_VALIDATION = """
			with last_validation as (
			  select distinct on (delivery_id) id, delivery_id, verdict, accepted_with_findings
			  from delivery_validation order by delivery_id, validated_at desc, id desc)
			""";

	/** The status of a run that the job repository calls running but whose process died ({@link JobHistory}). */
	public static final String INTERRUPTED = "interrupted";

	private final JdbcClient jdbc;

	private final JobHistory history;

	JdbcCampaignStatus(JdbcClient jdbc, JobHistory history) {
		this.jdbc = jdbc;
		this.history = history;
	}

	/**
	 * The campaign as it stands now.
	 * @param reports the folder where acceptance reports are written ({@code validation-<delivery>/}), to link them
	 * @param listed how many needs-review dossiers, quarantined files and runs are listed at most
	 */
	public CampaignStatus read(Path reports, int listed) {
		return new CampaignStatus(Instant.now(), totals(), deliveries(reports), weeks(), counts("""
				select kind, count(*) from page group by kind order by count(*) desc, kind"""), confidence(), counts("""
				select status, count(*) from dossier group by status order by count(*) desc, status"""),
				review(listed), counts("""
						select reason_code, count(*) from quarantine group by reason_code
						order by count(*) desc, reason_code"""), quarantine(listed), runs(listed));
	}

	private Totals totals() {
		return this.jdbc.sql(LAST_VALIDATION + """
				select
				  (select count(*) from delivery) as deliveries,
				  (select count(*) from last_validation where verdict = 'accepted') as accepted,
				  (select count(*) from last_validation where verdict = 'rejected' and accepted_with_findings)
				    as accepted_with_findings,
				  (select count(*) from last_validation where verdict = 'rejected' and not accepted_with_findings)
				    as rejected,
				  (select count(*) from dossier where status <> 'pending') as dossiers,
				  (select count(*) from dossier where status = 'needs-review') as needs_review,
				  (select count(*) from page) as pages,
				  (select count(*) from page where ocr_engine is not null) as pages_ocrd,
				  (select avg(mean_confidence) from page where ocr_engine is not null and word_count > 0)
				    as mean_confidence,
				  (select count(*) from quarantine) as quarantined""")
			.query((rs, row) -> new Totals(rs.getLong("deliveries"), rs.getLong("accepted"),
					rs.getLong("accepted_with_findings"), rs.getLong("rejected"), rs.getLong("dossiers"),
					rs.getLong("needs_review"), rs.getLong("pages"), rs.getLong("pages_ocrd"),
					decimal(rs, "mean_confidence"), rs.getLong("quarantined")))
			.single();
	}

	private List<DeliveryRow> deliveries(Path reports) {
		return this.jdbc.sql(LAST_VALIDATION + """
				select d.name, d.path, d.first_seen, d.last_ingest, v.verdict, coalesce(v.accepted_with_findings, false)
				    as anyway,
				  (select count(*) from delivery_finding f where f.validation_id = v.id) as findings,
				  (select count(*) from dossier x where x.delivery_id = d.id and x.status <> 'pending') as dossiers,
				  (select coalesce(sum(x.page_count), 0) from dossier x where x.delivery_id = d.id) as pages,
				  (select count(*) from dossier x where x.delivery_id = d.id and x.status = 'needs-review') as review
				from delivery d left join last_validation v on v.delivery_id = d.id
				order by d.first_seen desc, d.id desc""")
			.query((rs, row) -> {
				String name = rs.getString("name");
				Path report = reports.resolve("validation-" + name).resolve("acceptance-report.html");
				return new DeliveryRow(name, rs.getString("path"), instant(rs, "first_seen"),
						instant(rs, "last_ingest"), rs.getString("verdict"), rs.getBoolean("anyway"),
						rs.getLong("findings"), rs.getLong("dossiers"), rs.getLong("pages"), rs.getLong("review"),
						Files.isRegularFile(report) ? report.toAbsolutePath().normalize().toString() : null);
			})
			.list();
	}

	private List<Week> weeks() {
		Map<LocalDate, Week> found = new LinkedHashMap<>();
		this.jdbc.sql("""
				select cast(date_trunc('week', registered_at) as date) as monday, count(*) as dossiers,
				  coalesce(sum(page_count), 0) as pages
				from dossier where registered_at is not null group by 1 order by 1""")
			.query((rs, row) -> new Week(rs.getObject("monday", LocalDate.class), rs.getLong("dossiers"),
					rs.getLong("pages")))
			.list()
			.forEach((week) -> found.put(week.monday(), week));
		if (found.isEmpty()) {
			return List.of();
		}
		List<LocalDate> mondays = new ArrayList<>(found.keySet());
		LocalDate last = mondays.get(mondays.size() - 1);
		LocalDate first = mondays.get(0);
		if (first.isBefore(last.minusWeeks(WEEKS - 1))) {
			first = last.minusWeeks(WEEKS - 1);
		}
		List<Week> weeks = new ArrayList<>();
		for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
			weeks.add(found.getOrDefault(monday, new Week(monday, 0, 0)));
		}
		return weeks;
	}

	private long[] confidence() {
		long[] bands = new long[10];
		this.jdbc.sql("""
				select least(9, greatest(0, floor(mean_confidence / 10)))::int as band, count(*) as pages from page
				where ocr_engine is not null and word_count > 0 and mean_confidence is not null group by 1""")
			.query((rs, row) -> bands[rs.getInt("band")] = rs.getLong("pages"))
			.list();
		return bands;
	}

	private Map<String, Long> counts(String sql) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql(sql).query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		return counts;
	}

	private List<ReviewItem> review(int limit) {
		return this.jdbc.sql("""
				select v.name as delivery, d.folder, d.page_count, d.mean_confidence, d.searchable_pdf,
				  (select string_agg(i.code || ': ' || i.message, E'\\n' order by i.code, i.message)
				   from dossier_issue i where i.dossier_id = d.id) as issues
				from dossier d join delivery v on v.id = d.delivery_id
				where d.status = 'needs-review'
				order by d.registered_at nulls last, d.id limit :limit""")
			.param("limit", limit)
			.query((rs, row) -> new ReviewItem(rs.getString("delivery"), rs.getString("folder"),
					rs.getLong("page_count"), decimal(rs, "mean_confidence"),
					(rs.getString("issues") != null) ? rs.getString("issues").lines().toList() : List.of(),
					rs.getString("searchable_pdf")))
			.list();
	}

	private List<QuarantineItem> quarantine(int limit) {
		return this.jdbc.sql("""
				select v.name as delivery, q.path, q.reason_code, q.message, q.created_at
				from quarantine q join delivery v on v.id = q.delivery_id
				order by q.created_at desc, q.id desc limit :limit""")
			.param("limit", limit)
			.query((rs, row) -> new QuarantineItem(rs.getString("delivery"), rs.getString("path"),
					rs.getString("reason_code"), rs.getString("message"), instant(rs, "created_at")))
			.list();
	}

	/**
	 * The last ingest runs as {@code archive jobs} lists them ({@link JobHistory}: dossiers read, and a run whose
	 * process died shows as interrupted). Pages per run: the pages of the dossiers of its delivery registered while
	 * it ran (the job repository counts dossiers, not pages).
	 */
	private List<Run> runs(int limit) {
		List<ExecutionRow> executions;
		try {
			executions = this.history.recent(limit);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("the job repository cannot be read: " + ex.getMessage(), ex);
		}
		if (executions.isEmpty()) {
			return List.of();
		}
		Map<Long, Long> pages = new HashMap<>();
		this.jdbc.sql("""
				select e.job_execution_id,
				  (select coalesce(sum(x.page_count), 0) from dossier x join delivery v on v.id = x.delivery_id
				   where v.path = p.parameter_value and x.registered_at >= e.start_time
				     and x.registered_at <= coalesce(e.end_time, localtimestamp)) as pages
				from batch_job_execution e
				left join batch_job_execution_params p
				  on p.job_execution_id = e.job_execution_id and p.parameter_name = 'delivery'
				where e.job_execution_id in (:ids)""")
			.param("ids", executions.stream().map(ExecutionRow::id).toList())
			.query((rs, row) -> pages.put(rs.getLong(1), rs.getLong(2)))
			.list();
		LocalDateTime now = LocalDateTime.now();
		return executions.stream()
			.map((e) -> new Run(e.id(), (e.delivery() != null) ? String.valueOf(Path.of(e.delivery()).getFileName())
					: "", e.interrupted() ? INTERRUPTED : e.status().name(),
					(e.start() != null) ? e.start().atZone(ZoneId.systemDefault()).toInstant() : null,
					e.duration(now), e.dossiersRead(), pages.getOrDefault(e.id(), 0L)))
			.toList();
	}

	private static Double decimal(ResultSet rs, String column) throws SQLException {
		Object value = rs.getObject(column);
		return (value instanceof Number number) ? number.doubleValue() : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return (at != null) ? at.toInstant() : null;
	}

}
