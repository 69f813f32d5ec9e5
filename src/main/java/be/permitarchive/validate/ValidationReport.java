package be.permitarchive.validate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A delivery checked against the standard: the verdict, what was counted and every finding.
 * @param delivery absolute path of the delivery folder
 * @param bag whether the delivery is a BagIt bag (a plain folder is checked leniently, with a warning)
 * @param pagesByDpi page counts by resolution (ppi), for the report's chart
 */
public record ValidationReport(String delivery, Instant validatedAt, Verdict verdict, boolean bag, int dossiers,
		int files, int pages, Map<Integer, Integer> pagesByDpi, List<Finding> findings) {

	public ValidationReport {
		pagesByDpi = Map.copyOf(pagesByDpi);
		findings = List.copyOf(findings);
	}

	public long count(Severity severity) {
		return this.findings.stream().filter((f) -> f.severity() == severity).count();
	}

}
