package be.permitarchive.validate.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import be.permitarchive.html.BarChartSvg;
import be.permitarchive.html.Html;
import be.permitarchive.html.ReportStyle;
import be.permitarchive.validate.Finding;
import be.permitarchive.validate.Severity;
import be.permitarchive.validate.ValidationReport;
import be.permitarchive.validate.Verdict;

/**
 * The acceptance report as one self-contained HTML file: it opens by double-click, needs no server, no network and no
 * script. Style sheet inline, charts as inline SVG, thumbnails as {@code data:} URLs; it prints as a letter appendix.
 * Every text comes from the message bundle (keys {@code report.*}, a finding's text from {@code rule.<code>}).
 */
public final class AcceptanceReportHtml {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final String STYLE = ReportStyle.load(AcceptanceReportHtml.class, "acceptance-report.css");

	/**
	 * Writes the report. The output is ASCII only (other characters as character references), so any writer charset
	 * works; the writer is flushed, not closed.
	 * @param messages the message bundle: key and arguments to the text people read
	 */
	public void write(ValidationReport report, BiFunction<String, Object[], String> messages, Writer out)
			throws IOException {
		Texts texts = new Texts(messages);
		List<DossierFindings> groups = DossierFindings.group(report.findings());
		StringBuilder html = new StringBuilder(64 * 1024);
		String name = deliveryName(report.delivery());
		html.append("<!DOCTYPE html>\n<html lang=\"").append(texts.get("report.lang")).append("\">\n<head>\n")
			.append("<meta charset=\"utf-8\"/>\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
			.append("<title>").append(texts.get("report.title", name)).append("</title>\n")
			.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
		header(html, report, name, texts);
		html.append("<main>\n");
		verdict(html, report, texts);
		counts(html, report, texts);
		charts(html, report, texts);
		contents(html, groups, texts);
		findings(html, groups, texts);
		html.append("</main>\n<footer class=\"footer\"><p>").append(texts.get("report.footer")).append(' ')
			.append(texts.get("report.validatedAt", texts.dateTime(report.validatedAt())))
			.append("</p></footer>\n</body>\n</html>\n");
		out.write(html.toString());
		out.flush();
	}

	private static void header(StringBuilder html, ValidationReport report, String name, Texts texts) {
		html.append("<header class=\"band\">\n<div class=\"band-inner\">\n")
			.append("<p class=\"kicker\">").append(texts.get("report.kicker")).append("</p>\n")
			.append("<h1>").append(texts.get("report.heading", name)).append("</h1>\n")
			.append("<dl class=\"meta\">")
			.append(meta(texts.get("report.meta.validatedAt"), Html.escape(texts.dateTime(report.validatedAt()))))
			.append(meta(texts.get("report.meta.packaging"),
					texts.get(report.bag() ? "report.packaging.bag" : "report.packaging.folder")))
			.append(meta(texts.get("report.meta.location"),
					"<span class=\"path\">" + Html.escape(report.delivery()) + "</span>"))
			.append("</dl>\n</div>\n</header>\n");
	}

	private static String meta(String term, String definition) {
		return "<div><dt>" + term + "</dt><dd>" + definition + "</dd></div>";
	}

	private static void verdict(StringBuilder html, ValidationReport report, Texts texts) {
		Verdict verdict = report.verdict();
		String css = (verdict == Verdict.ACCEPTED) ? "accepted" : "rejected";
		html.append("<section class=\"verdict verdict-").append(css).append("\" id=\"verdict\">\n")
			.append("<p class=\"verdict-label\">").append(texts.get("report.verdict.label")).append("</p>\n")
			.append("<p class=\"verdict-value\">").append(texts.get("report.verdict." + verdict.name())).append("</p>\n")
			.append("<p class=\"verdict-explanation\">")
			.append(texts.get("report.verdict." + verdict.name() + ".explanation", report.count(Severity.REJECT),
					report.count(Severity.WARN)))
			.append("</p>\n</section>\n");
	}

	private static void counts(StringBuilder html, ValidationReport report, Texts texts) {
		html.append("<section class=\"counts\" aria-label=\"").append(texts.get("report.counts.heading")).append("\">\n");
		count(html, "", report.dossiers(), texts.get("report.counts.dossiers"));
		count(html, "", report.files(), texts.get("report.counts.files"));
		count(html, "", report.pages(), texts.get("report.counts.pages"));
		count(html, " count-reject", report.count(Severity.REJECT), texts.get("report.counts.reject"));
		count(html, " count-warn", report.count(Severity.WARN), texts.get("report.counts.warn"));
		html.append("</section>\n");
	}

	private static void count(StringBuilder html, String css, long value, String label) {
		html.append("<div class=\"count").append(css).append("\"><span class=\"count-value\">").append(value)
			.append("</span><span class=\"count-label\">").append(label).append("</span></div>\n");
	}

	private static void charts(StringBuilder html, ValidationReport report, Texts texts) {
		List<BarChartSvg.Bar> dpi = new TreeMap<>(report.pagesByDpi()).entrySet()
			.stream()
			.map((e) -> new BarChartSvg.Bar(texts.raw("report.chart.dpi", String.valueOf(e.getKey())), e.getValue(),
					"bar-dpi"))
			.toList();
		Map<String, long[]> byRule = new TreeMap<>();
		for (Finding finding : report.findings()) {
			long[] entry = byRule.computeIfAbsent(String.valueOf(finding.rule()), (r) -> new long[2]);
			entry[0]++;
			entry[1] |= (finding.severity() == Severity.REJECT) ? 1 : 0;
		}
		List<BarChartSvg.Bar> rules = byRule.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0]))
			.map((e) -> new BarChartSvg.Bar(e.getKey(), e.getValue()[0],
					(e.getValue()[1] == 1) ? "bar-reject" : "bar-warn"))
			.toList();
		String empty = texts.raw("report.chart.empty");
		html.append("<section class=\"charts\">\n<h2>").append(texts.get("report.charts.heading")).append("</h2>\n")
			.append("<div class=\"chart-grid\">\n");
		figure(html, texts.raw("report.chart.pagesByDpi"), dpi, empty);
		figure(html, texts.raw("report.chart.findingsByRule"), rules, empty);
		html.append("</div>\n</section>\n");
	}

	private static void figure(StringBuilder html, String title, List<BarChartSvg.Bar> bars, String empty) {
		html.append("<figure class=\"chart-box\"><figcaption>").append(Html.escape(title)).append("</figcaption>")
			.append(BarChartSvg.render(title, bars, empty))
			.append("</figure>\n");
	}

	private static void contents(StringBuilder html, List<DossierFindings> groups, Texts texts) {
		if (groups.isEmpty()) {
			return;
		}
		html.append("<nav class=\"toc\" aria-label=\"").append(texts.get("report.toc.heading")).append("\">\n<h2>")
			.append(texts.get("report.toc.heading")).append("</h2>\n<ol>\n");
		for (DossierFindings group : groups) {
			html.append("<li><a href=\"#").append(group.anchor()).append("\">").append(dossierTitle(group, texts))
				.append("</a><span class=\"toc-counts\">")
				.append(tally(group, texts))
				.append("</span></li>\n");
		}
		html.append("</ol>\n</nav>\n");
	}

	private static String tally(DossierFindings group, Texts texts) {
		long reject = group.count(Severity.REJECT);
		long warn = group.count(Severity.WARN);
		return ((reject > 0) ? "<span class=\"badge badge-reject\">" + reject + "</span>" : "")
				+ ((warn > 0) ? "<span class=\"badge badge-warn\">" + warn + "</span>" : "") + "<span class=\"sr\">"
				+ texts.get("report.findings.tally", reject, warn) + "</span>";
	}

	private static String dossierTitle(DossierFindings group, Texts texts) {
		return (group.dossier() == null) ? texts.get("report.toc.delivery")
				: texts.get("report.dossier.heading", group.dossier());
	}

	private static void findings(StringBuilder html, List<DossierFindings> groups, Texts texts) {
		html.append("<section class=\"findings\">\n<h2>").append(texts.get("report.findings.heading")).append("</h2>\n");
		if (groups.isEmpty()) {
			html.append("<p class=\"none\">").append(texts.get("report.findings.none")).append("</p>\n");
		}
		for (DossierFindings group : groups) {
			html.append("<section class=\"dossier\" id=\"").append(group.anchor()).append("\">\n<h3>")
				.append(dossierTitle(group, texts)).append("</h3>\n<p class=\"dossier-tally\">")
				.append(texts.get("report.findings.tally", group.count(Severity.REJECT), group.count(Severity.WARN)))
				.append("</p>\n<table class=\"finding-table\">\n<thead><tr>")
				.append("<th class=\"col-rule\">").append(texts.get("report.column.rule")).append("</th>")
				.append("<th class=\"col-location\">").append(texts.get("report.column.location")).append("</th>")
				.append("<th class=\"col-message\">").append(texts.get("report.column.message")).append("</th>")
				.append("<th class=\"col-thumb\">").append(texts.get("report.column.thumbnail")).append("</th>")
				.append("</tr></thead>\n<tbody>\n");
			for (Finding finding : group.findings()) {
				row(html, finding, texts);
			}
			html.append("</tbody>\n</table>\n</section>\n");
		}
		html.append("</section>\n");
	}

	private static void row(StringBuilder html, Finding finding, Texts texts) {
		String severity = (finding.severity() == Severity.REJECT) ? "reject" : "warn";
		html.append("<tr class=\"finding finding-").append(severity).append("\">")
			.append("<td class=\"col-rule\"><span class=\"badge badge-").append(severity).append("\">")
			.append(texts.get("report.severity." + finding.severity().name())).append("</span>")
			.append("<code class=\"rule\">").append(Html.escape(finding.rule())).append("</code></td>")
			.append("<td class=\"col-location\">");
		if (finding.file() != null) {
			html.append("<span class=\"file\">").append(Html.escape(finding.file())).append("</span>");
		}
		else {
			html.append("<span class=\"file none\">").append(texts.get("report.noFile")).append("</span>");
		}
		if (finding.page() != null) {
			html.append("<span class=\"page\">").append(texts.get("report.page", String.valueOf(finding.page())))
				.append("</span>");
		}
		html.append("</td><td class=\"col-message message\">")
			.append(texts.get("rule." + finding.rule(), finding.args().toArray()))
			.append("</td><td class=\"col-thumb\">");
		if (isPng(finding.thumbnailPng())) {
			html.append("<img class=\"thumb\" alt=\"")
				.append(texts.get("report.thumbnail.alt", String.valueOf(finding.page()), finding.file()))
				.append("\" src=\"data:image/png;base64,")
				.append(Base64.getEncoder().encodeToString(finding.thumbnailPng()))
				.append("\"/>");
		}
		else {
			html.append("<span class=\"no-thumb\">").append(texts.get("report.thumbnail.none")).append("</span>");
		}
		html.append("</td></tr>\n");
	}

	private static boolean isPng(byte[] bytes) {
		return bytes != null && bytes.length > PNG_SIGNATURE.length
				&& Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
	}

	static String deliveryName(String delivery) {
		String trimmed = delivery.replaceAll("[/\\\\]+$", "");
		int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
		String name = trimmed.substring(slash + 1);
		return name.isEmpty() ? delivery : name;
	}

	/** The bundle, escaped for HTML; {@link #raw} for texts that get escaped later (SVG labels). */
	private record Texts(BiFunction<String, Object[], String> messages) {

		String raw(String key, Object... args) {
			return this.messages.apply(key, args);
		}

		String get(String key, Object... args) {
			return Html.escape(raw(key, args));
		}

		/** Local time, in the report's language. */
		String dateTime(java.time.Instant instant) {
			return Html.escape(be.permitarchive.messages.Messages.dateTime(instant, raw("format.dateTime"),
					java.util.Locale.forLanguageTag(raw("report.lang"))));
		}

	}

}
