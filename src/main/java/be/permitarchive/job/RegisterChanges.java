package be.permitarchive.job;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When the register last changed, by whichever command: the newest job execution (ingest, restart, demo, nightly),
 * map version, placement on a map or realignment. A nightly run compares it with its export file to know whether the
 * file is out of date.
 */
@Component
public class RegisterChanges {

	private final JdbcClient jdbc;

	RegisterChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The time of the register's last change; empty for an empty register. */
	public Optional<Instant> lastChange() {
		OffsetDateTime last = this.jdbc.sql("""
				select greatest((select max(last_updated) from batch_job_execution),
				  (select max(loaded_at) from reference_version), (select max(georef_at) from dossier),
				  (select max(changed_at) from dossier_geometry_change))""")
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.list()
			.get(0);
		return Optional.ofNullable(last).map(OffsetDateTime::toInstant);
	}

}
