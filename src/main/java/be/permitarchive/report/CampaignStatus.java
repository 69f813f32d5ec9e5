package be.permitarchive.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where a scan campaign stands, as the register holds it: what the campaign report shows. Plain data, read in one go
 * ({@code JdbcCampaignStatus}) and rendered by {@code CampaignReportHtml}.
 * @param generatedAt when it was read
 * @param totals the headline numbers
 * @param deliveries every delivery the register has received, newest first
 * @param weeks dossiers and pages registered per calendar week (Monday), oldest first, weeks without any included
 * @param pagesByKind pages per page kind code ({@code text}, {@code blank}, ...), most first
 * @param confidence OCR'd pages per mean word confidence band: index 0 is 0-9, ..., index 9 is 90-100
 * @param dossiersByStatus dossiers per status code ({@code registered}, {@code needs-review}, ...)
 * @param review the needs-review queue (at most {@code reviewLimit}), oldest first; {@code totals.needsReview} counts
 * them all
 * @param quarantineByReason files in quarantine per reason code, most first
 * @param quarantine the most recent files put in quarantine (at most a limit); {@code totals.quarantinedFiles} counts
 * them all
 * @param runs the most recent ingest job executions, newest first
 */
public record CampaignStatus(Instant generatedAt, Totals totals, List<DeliveryRow> deliveries, List<Week> weeks,
		Map<String, Long> pagesByKind, long[] confidence, Map<String, Long> dossiersByStatus, List<ReviewItem> review,
		Map<String, Long> quarantineByReason, List<QuarantineItem> quarantine, List<Run> runs) {

	/**
	 * The headline numbers.
	 * @param deliveries deliveries received (validated at least once)
	 * @param accepted deliveries whose last validation accepted them
	 * @param acceptedWithFindings deliveries rejected by their last validation but ingested anyway
	 * ({@code --accept-with-findings})
	 * @param rejected deliveries whose last validation rejected them, not ingested
	 * @param meanConfidence mean word confidence over the OCR'd pages, null when none
	 */
	public record Totals(long deliveries, long accepted, long acceptedWithFindings, long rejected, long dossiers,
			long needsReview, long pages, long pagesOcrd, Double meanConfidence, long quarantinedFiles) {
	}

	/**
	 * One delivery.
	 * @param verdict {@code accepted}, {@code rejected}, or null when it was never validated
	 * @param acceptanceReport the acceptance report written for it, null when there is none
	 */
	public record DeliveryRow(String name, String path, Instant firstSeen, Instant lastIngest, String verdict,
			boolean acceptedWithFindings, long findings, long dossiers, long pages, long needsReview,
			String acceptanceReport) {
	}

	/** Dossiers and their pages registered in the week that starts on {@code monday}. */
	public record Week(LocalDate monday, long dossiers, long pages) {
	}

	/**
	 * A dossier a person must look at.
	 * @param issues its issues as {@code code: message}
	 * @param searchablePdf its searchable PDF, null when it has none
	 */
	public record ReviewItem(String delivery, String dossier, long pages, Double meanConfidence, List<String> issues,
			String searchablePdf) {
	}

	/** A file in quarantine. */
	public record QuarantineItem(String delivery, String path, String reason, String message, Instant at) {
	}

	/**
	 * One ingest job execution.
	 * @param pages pages of the dossiers it registered
	 * @param dossiers dossiers its ocr step read
	 */
	public record Run(long id, String delivery, String status, Instant start, Duration duration, long dossiers,
			long pages) {

		/** Pages registered per second of the run, 0 when it registered none. */
		public double pagesPerSecond() {
			double seconds = this.duration.toMillis() / 1000.0;
			return (seconds <= 0) ? 0 : this.pages / seconds;
		}

	}

}
