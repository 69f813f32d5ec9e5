package be.permitarchive.validate;

import java.io.Writer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance report as JSON: verdict, counts, pages by resolution, findings by rule, and every finding grouped by
 * dossier with its rendered message and its thumbnail (base64 PNG). The same content as the HTML report.
 */
public final class ValidationReportJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ValidationReportJson() {
	}

	/**
	 * Writes {@code report} to {@code out} (not closed).
	 * @param messages renders a message key with its arguments, e.g. {@code messages::get} of the command line's
	 * message bundle
	 */
	public static void write(ValidationReport report, BiFunction<String, Object[], String> messages, Writer out) {
		MAPPER.writeValue(out, toMap(report, messages));
	}

	static Map<String, Object> toMap(ValidationReport report, BiFunction<String, Object[], String> messages) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("delivery", report.delivery());
		json.put("validatedAt", report.validatedAt().toString());
		json.put("verdict", report.verdict().name());
		json.put("bag", report.bag());
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("dossiers", report.dossiers());
		counts.put("files", report.files());
		counts.put("pages", report.pages());
		counts.put("reject", report.count(Severity.REJECT));
		counts.put("warn", report.count(Severity.WARN));
		json.put("counts", counts);
		Map<String, Integer> byDpi = new TreeMap<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
		report.pagesByDpi().forEach((dpi, n) -> byDpi.put(String.valueOf(dpi), n));
		json.put("pagesByDpi", byDpi);
		Map<String, Integer> byRule = new TreeMap<>();
		report.findings().forEach((f) -> byRule.merge(f.rule(), 1, Integer::sum));
		json.put("findingsByRule", byRule);
		Map<String, List<Map<String, Object>>> byDossier = new LinkedHashMap<>();
		for (Finding finding : report.findings()) {
			String key = (finding.dossier() != null) ? finding.dossier() : "";
			byDossier.computeIfAbsent(key, (k) -> new ArrayList<>()).add(finding(finding, messages));
		}
		List<Map<String, Object>> groups = new ArrayList<>();
		byDossier.forEach((dossier, findings) -> {
			Map<String, Object> group = new LinkedHashMap<>();
			group.put("dossier", dossier.isEmpty() ? null : dossier);
			group.put("findings", findings);
			groups.add(group);
		});
		json.put("dossiers", groups);
		return json;
	}

	private static Map<String, Object> finding(Finding finding, BiFunction<String, Object[], String> messages) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("rule", finding.rule());
		json.put("severity", finding.severity().name());
		json.put("file", finding.file());
		json.put("page", finding.page());
		json.put("args", finding.args());
		json.put("message", messages.apply("rule." + finding.rule(), finding.args().toArray()));
		json.put("thumbnailPng", (finding.thumbnailPng() != null)
				? Base64.getEncoder().encodeToString(finding.thumbnailPng()) : null);
		return json;
	}

}
