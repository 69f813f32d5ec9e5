package be.permitarchive.report.internal;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import be.permitarchive.html.BarChartSvg;
import be.permitarchive.html.ColumnChartSvg;
import be.permitarchive.html.Html;
import be.permitarchive.html.ReportStyle;
import be.permitarchive.report.CampaignStatus;
import be.permitarchive.report.CampaignStatus.DeliveryRow;
import be.permitarchive.report.CampaignStatus.QuarantineItem;
import be.permitarchive.report.CampaignStatus.ReviewItem;
import be.permitarchive.report.CampaignStatus.Run;
import be.permitarchive.report.CampaignStatus.Totals;
import be.permitarchive.report.CampaignStatus.Week;

/**
 * The campaign report as one self-contained HTML file, for the archive team and its steering group: headline numbers,
 * weekly progress, pages by kind, OCR confidence, the deliveries, the last runs, the needs-review queue (with links to
 * the searchable PDFs) and the quarantine. Like the acceptance report: no script, no network, charts as inline SVG,
 * style inline, ASCII output; every text from the message bundle (keys {@code campaign.*}).
 */
public final class CampaignReportHtml {

	private static final String STYLE = ReportStyle.load(CampaignReportHtml.class, "campaign-report.css");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("dd/MM");

	private final ZoneId zone;

	public CampaignReportHtml(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * Writes the report; the writer is flushed, not closed.
	 * @param messages the message bundle: key and arguments to the text people read
	 * @param folder the folder the report is written to: links to PDFs and acceptance reports are relative to it
	 */
	public void write(CampaignStatus status, BiFunction<String, Object[], String> messages, Path folder, Writer out)
			throws IOException {
		Texts texts = new Texts(messages);
		StringBuilder html = new StringBuilder(64 * 1024);
		html.append("<!DOCTYPE html>\n<html lang=\"").append(texts.get("campaign.lang")).append("\">\n<head>\n")
			.append("<meta charset=\"utf-8\"/>\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
			.append("<title>").append(texts.get("campaign.title")).append("</title>\n")
			.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
		header(html, status, texts);
		html.append("<main>\n");
		totals(html, status.totals(), texts);
		charts(html, status, texts);
		deliveries(html, status.deliveries(), folder, texts);
		runs(html, status.runs(), texts);
		review(html, status.review(), status.totals().needsReview(), folder, texts);
		quarantine(html, status.quarantine(), status.totals().quarantinedFiles(), texts);
		html.append("</main>\n<footer class=\"footer\"><p>").append(texts.get("campaign.footer",
				TIME.format(status.generatedAt().atZone(this.zone)), this.zone.getId()))
			.append("</p></footer>\n</body>\n</html>\n");
		out.write(html.toString());
		out.flush();
	}

	private void header(StringBuilder html, CampaignStatus status, Texts texts) {
		html.append("<header class=\"band\">\n<div class=\"band-inner\">\n<p class=\"kicker\">")
			.append(texts.get("campaign.kicker")).append("</p>\n<h1>").append(texts.get("campaign.heading"))
			.append("</h1>\n<dl class=\"meta\">")
			.append(meta(texts.get("campaign.meta.generatedAt"),
					Html.escape(TIME.format(status.generatedAt().atZone(this.zone)))))
			.append(meta(texts.get("campaign.meta.period"), period(status.weeks(), texts)))
			.append("</dl>\n</div>\n</header>\n");
	}

	private static String period(List<Week> weeks, Texts texts) {
		if (weeks.isEmpty()) {
			return texts.get("campaign.meta.period.none");
		}
		return texts.get("campaign.meta.period.value", DAY.format(weeks.get(0).monday()),
				DAY.format(weeks.get(weeks.size() - 1).monday().plusDays(6)), weeks.size());
	}

	private static String meta(String term, String definition) {
		return "<div><dt>" + term + "</dt><dd>" + definition + "</dd></div>";
	}

	private static void totals(StringBuilder html, Totals totals, Texts texts) {
		html.append("<section class=\"counts\" id=\"totals\" aria-label=\"")
			.append(texts.get("campaign.totals.heading")).append("\">\n");
		count(html, "deliveries", "", totals.deliveries(), texts);
		count(html, "accepted", " count-ok", totals.accepted(), texts);
		count(html, "acceptedWithFindings", " count-warn", totals.acceptedWithFindings(), texts);
		count(html, "rejected", " count-reject", totals.rejected(), texts);
		count(html, "dossiers", "", totals.dossiers(), texts);
		count(html, "pages", "", totals.pages(), texts);
		count(html, "pagesOcrd", "", totals.pagesOcrd(), texts);
		html.append("<div class=\"count\" data-count=\"meanConfidence\"><span class=\"count-value\">")
			.append((totals.meanConfidence() != null) ? texts.get("campaign.confidence", totals.meanConfidence())
					: "&#8211;")
			.append("</span><span class=\"count-label\">").append(texts.get("campaign.totals.meanConfidence"))
			.append("</span></div>\n");
		count(html, "needsReview", " count-warn", totals.needsReview(), texts);
		count(html, "quarantinedFiles", " count-reject", totals.quarantinedFiles(), texts);
		html.append("</section>\n");
	}

	private static void count(StringBuilder html, String key, String css, long value, Texts texts) {
		html.append("<div class=\"count").append(css).append("\" data-count=\"").append(key)
			.append("\"><span class=\"count-value\">").append(texts.get("campaign.number", value))
			.append("</span><span class=\"count-label\">").append(texts.get("campaign.totals." + key))
			.append("</span></div>\n");
	}

	private static void charts(StringBuilder html, CampaignStatus status, Texts texts) {
		String empty = texts.raw("campaign.chart.empty");
		List<ColumnChartSvg.Column> pages = status.weeks()
			.stream()
			.map((w) -> new ColumnChartSvg.Column(WEEK.format(w.monday()), w.pages(), "bar-pages"))
			.toList();
		List<ColumnChartSvg.Column> dossiers = status.weeks()
			.stream()
			.map((w) -> new ColumnChartSvg.Column(WEEK.format(w.monday()), w.dossiers(), "bar-dossiers"))
			.toList();
		List<ColumnChartSvg.Column> confidence = new ArrayList<>();
		for (int band = 0; band < status.confidence().length; band++) {
			confidence.add(new ColumnChartSvg.Column(band * 10 + "-" + ((band == 9) ? 100 : band * 10 + 9),
					status.confidence()[band], (band < 7) ? "bar-low" : "bar-good"));
		}
		html.append("<section class=\"charts\" id=\"charts\">\n<h2>").append(texts.get("campaign.charts.heading"))
			.append("</h2>\n<div class=\"chart-grid\">\n");
		figure(html, "pages-per-week", texts.raw("campaign.chart.pagesPerWeek"),
				ColumnChartSvg.render(texts.raw("campaign.chart.pagesPerWeek"), pages, empty));
		figure(html, "dossiers-per-week", texts.raw("campaign.chart.dossiersPerWeek"),
				ColumnChartSvg.render(texts.raw("campaign.chart.dossiersPerWeek"), dossiers, empty));
		figure(html, "pages-by-kind", texts.raw("campaign.chart.pagesByKind"), BarChartSvg
			.render(texts.raw("campaign.chart.pagesByKind"), bars(status.pagesByKind(), "campaign.kind.", texts), empty));
		figure(html, "confidence", texts.raw("campaign.chart.confidence"),
				ColumnChartSvg.render(texts.raw("campaign.chart.confidence"), confidence, empty));
		figure(html, "dossiers-by-status", texts.raw("campaign.chart.dossiersByStatus"),
				BarChartSvg.render(texts.raw("campaign.chart.dossiersByStatus"),
						bars(status.dossiersByStatus(), "campaign.status.", texts), empty));
		figure(html, "quarantine-by-reason", texts.raw("campaign.chart.quarantineByReason"),
				BarChartSvg.render(texts.raw("campaign.chart.quarantineByReason"),
						bars(status.quarantineByReason(), "campaign.reason.", texts, "bar-quarantine"), empty));
		html.append("</div>\n</section>\n");
	}

	/** Bars with the bundle's label for each code ({@code prefix + code}), coloured by code. */
	private static List<BarChartSvg.Bar> bars(Map<String, Long> counts, String prefix, Texts texts) {
		return bars(counts, prefix, texts, null);
	}

	/** Bars with the bundle's label for each code, all in {@code cssClass} (by code when null). */
	private static List<BarChartSvg.Bar> bars(Map<String, Long> counts, String prefix, Texts texts,
			String cssClass) {
		return counts.entrySet()
			.stream()
			.map((e) -> new BarChartSvg.Bar(texts.rawOr(prefix + e.getKey(), e.getKey()), e.getValue(),
					(cssClass != null) ? cssClass : "bar-" + css(e.getKey())))
			.toList();
	}

	private static String css(String code) {
		return code.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
	}

	private static void figure(StringBuilder html, String id, String title, String chart) {
		html.append("<figure class=\"chart-box\" id=\"chart-").append(id).append("\"><figcaption>")
			.append(Html.escape(title)).append("</figcaption>").append(chart).append("</figure>\n");
	}

	private void deliveries(StringBuilder html, List<DeliveryRow> rows, Path folder, Texts texts) {
		html.append("<section class=\"table-box\" id=\"deliveries\">\n<h2>")
			.append(texts.get("campaign.deliveries.heading")).append("</h2>\n");
		if (rows.isEmpty()) {
			html.append("<p class=\"none\">").append(texts.get("campaign.deliveries.none")).append("</p>\n</section>\n");
			return;
		}
		html.append("<table class=\"data\">\n<thead><tr>");
		headers(html, texts, "campaign.deliveries.", "name", "verdict", "firstSeen", "lastIngest", "findings",
				"dossiers", "pages", "review");
		html.append("</tr></thead>\n<tbody>\n");
		for (DeliveryRow row : rows) {
			String verdict = (row.verdict() == null) ? "none"
					: ("rejected".equals(row.verdict()) && row.acceptedWithFindings()) ? "anyway" : row.verdict();
			html.append("<tr class=\"delivery delivery-").append(verdict).append("\"><td>");
			if (row.acceptanceReport() != null) {
				html.append("<a href=\"").append(Html.escape(href(folder, row.acceptanceReport()))).append("\">")
					.append(Html.escape(row.name())).append("</a>");
			}
			else {
				html.append(Html.escape(row.name()));
			}
			html.append("</td><td><span class=\"badge badge-").append(verdict).append("\">")
				.append(texts.get("campaign.verdict." + verdict)).append("</span></td>")
				.append(cell(time(row.firstSeen()))).append(cell(time(row.lastIngest())))
				.append(number(row.findings(), texts)).append(number(row.dossiers(), texts))
				.append(number(row.pages(), texts)).append(number(row.needsReview(), texts)).append("</tr>\n");
		}
		html.append("</tbody>\n</table>\n</section>\n");
	}

	private void runs(StringBuilder html, List<Run> runs, Texts texts) {
		html.append("<section class=\"table-box\" id=\"runs\">\n<h2>").append(texts.get("campaign.runs.heading"))
			.append("</h2>\n");
		if (runs.isEmpty()) {
			html.append("<p class=\"none\">").append(texts.get("campaign.runs.none")).append("</p>\n</section>\n");
			return;
		}
		List<ColumnChartSvg.Column> rates = new ArrayList<>();
		for (int i = runs.size() - 1; i >= 0; i--) {
			Run run = runs.get(i);
			rates.add(new ColumnChartSvg.Column("#" + run.id(), Math.round(run.pagesPerSecond() * 100),
					"COMPLETED".equals(run.status()) ? "bar-pages" : "bar-low",
					texts.raw("campaign.rate", run.pagesPerSecond())));
		}
		if (rates.stream().anyMatch((c) -> c.value() > 0)) {
			html.append("<figure class=\"chart-box chart-wide\" id=\"chart-throughput\"><figcaption>")
				.append(texts.get("campaign.chart.throughput")).append("</figcaption>")
				.append(ColumnChartSvg.render(texts.raw("campaign.chart.throughput"), rates,
						texts.raw("campaign.chart.empty")))
				.append("</figure>\n");
		}
		html.append("<table class=\"data\">\n<thead><tr>");
		headers(html, texts, "campaign.runs.", "id", "delivery", "status", "start", "duration", "dossiers", "pages",
				"rate");
		html.append("</tr></thead>\n<tbody>\n");
		for (Run run : runs) {
			html.append("<tr class=\"run run-").append(css(run.status())).append("\">")
				.append(number(run.id(), texts))
				.append(cell(Html.escape(run.delivery())))
				.append(cell(texts.getOr("jobs.status." + run.status(), run.status())))
				.append(cell(time(run.start())))
				.append(cell(Html.escape(duration(run.duration()))))
				.append(number(run.dossiers(), texts))
				.append(number(run.pages(), texts))
				.append("<td class=\"num\">")
				.append((run.pages() > 0) ? texts.get("campaign.rate", run.pagesPerSecond()) : "&#8211;")
				.append("</td></tr>\n");
		}
		html.append("</tbody>\n</table>\n</section>\n");
	}

	private static void review(StringBuilder html, List<ReviewItem> items, long total, Path folder, Texts texts) {
		html.append("<section class=\"table-box\" id=\"review\">\n<h2>")
			.append(texts.get("campaign.review.heading", total)).append("</h2>\n");
		if (items.isEmpty()) {
			html.append("<p class=\"none\">").append(texts.get("campaign.review.none")).append("</p>\n</section>\n");
			return;
		}
		html.append("<table class=\"data\">\n<thead><tr>");
		headers(html, texts, "campaign.review.", "delivery", "dossier", "pages", "confidence", "issues", "pdf");
		html.append("</tr></thead>\n<tbody>\n");
		for (ReviewItem item : items) {
			html.append("<tr class=\"review-item\">").append(cell(Html.escape(item.delivery())))
				.append("<td class=\"dossier-name\">").append(Html.escape(item.dossier())).append("</td>")
				.append(number(item.pages(), texts))
				.append("<td class=\"num\">")
				.append((item.meanConfidence() != null) ? texts.get("campaign.confidence", item.meanConfidence())
						: "&#8211;")
				.append("</td><td><ul class=\"issues\">");
			for (String issue : item.issues()) {
				html.append("<li>").append(Html.escape(issue)).append("</li>");
			}
			html.append("</ul></td><td>");
			if (item.searchablePdf() != null) {
				html.append("<a class=\"pdf\" href=\"").append(Html.escape(href(folder, item.searchablePdf())))
					.append("\">").append(texts.get("campaign.review.open")).append("</a>");
			}
			else {
				html.append("<span class=\"none\">").append(texts.get("campaign.review.noPdf")).append("</span>");
			}
			html.append("</td></tr>\n");
		}
		html.append("</tbody>\n</table>\n");
		if (total > items.size()) {
			html.append("<p class=\"more\">").append(texts.get("campaign.more", total - items.size())).append("</p>\n");
		}
		html.append("</section>\n");
	}

	private void quarantine(StringBuilder html, List<QuarantineItem> items, long total, Texts texts) {
		html.append("<section class=\"table-box\" id=\"quarantine\">\n<h2>")
			.append(texts.get("campaign.quarantine.heading", total)).append("</h2>\n");
		if (items.isEmpty()) {
			html.append("<p class=\"none\">").append(texts.get("campaign.quarantine.none"))
				.append("</p>\n</section>\n");
			return;
		}
		html.append("<table class=\"data\">\n<thead><tr>");
		headers(html, texts, "campaign.quarantine.", "delivery", "file", "reason", "message", "at");
		html.append("</tr></thead>\n<tbody>\n");
		for (QuarantineItem item : items) {
			html.append("<tr class=\"quarantined\">").append(cell(Html.escape(item.delivery())))
				.append("<td class=\"file\">").append(Html.escape(item.path())).append("</td>")
				.append(cell(texts.getOr("campaign.reason." + item.reason(), item.reason())))
				.append("<td class=\"message\">").append(Html.escape(item.message()))
				.append("<span class=\"todo\">").append(texts.getOr("quarantine." + item.reason(), ""))
				.append("</span></td>")
				.append(cell(time(item.at()))).append("</tr>\n");
		}
		html.append("</tbody>\n</table>\n");
		if (total > items.size()) {
			html.append("<p class=\"more\">").append(texts.get("campaign.more", total - items.size())).append("</p>\n");
		}
		html.append("</section>\n");
	}

	private static void headers(StringBuilder html, Texts texts, String prefix, String... keys) {
		for (String key : keys) {
			html.append("<th class=\"col-").append(key).append("\">").append(texts.get(prefix + key)).append("</th>");
		}
	}

	private static String cell(String escaped) {
		return "<td>" + escaped + "</td>";
	}

	private static String number(long value, Texts texts) {
		return "<td class=\"num\">" + texts.get("campaign.number", value) + "</td>";
	}

	private String time(Instant at) {
		return (at != null) ? Html.escape(TIME.format(at.atZone(this.zone))) : "&#8211;";
	}

	static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		return (seconds < 3600) ? String.format("%d:%02d", seconds / 60, seconds % 60)
				: String.format("%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
	}

	/** A link from the report's folder to a file: relative when both are under one root, a file URI otherwise. */
	static String href(Path folder, String file) {
		Path target = Path.of(file).toAbsolutePath().normalize();
		Path from = folder.toAbsolutePath().normalize();
		if (target.getRoot() != null && target.getRoot().equals(from.getRoot())) {
			String relative = from.relativize(target).toString().replace('\\', '/');
			try {
				return new URI(null, null, relative, null).toASCIIString();
			}
			catch (URISyntaxException ex) {
				// fall through to the absolute URI
			}
		}
		return target.toUri().toASCIIString();
	}

	/** The bundle, escaped for HTML; {@link #raw} for texts that get escaped later (SVG labels). */
	private record Texts(BiFunction<String, Object[], String> messages) {

		String raw(String key, Object... args) {
			return this.messages.apply(key, args);
		}

		/** The bundle's text, or {@code fallback} for a code the bundle does not know (a newer register). */
		String rawOr(String key, String fallback) {
			String text = raw(key);
			return (text == null || text.equals(key) || text.startsWith("!")) ? fallback : text;
		}

		String get(String key, Object... args) {
			return Html.escape(raw(key, args));
		}

		String getOr(String key, String fallback) {
			return Html.escape(rawOr(key, fallback));
		}

	}

}
