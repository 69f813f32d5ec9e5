package be.permitarchive.validate.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.permitarchive.validate.Finding;
import be.permitarchive.validate.Severity;

/**
 * The findings of one dossier, in reading order: rejections first, then by file and page.
 * @param dossier the dossier folder, or null for the delivery as a whole
 * @param anchor a safe fragment id for the table of contents (never derived from the folder name)
 */
record DossierFindings(String dossier, String anchor, List<Finding> findings) {

	private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

	private static final Comparator<Finding> READING_ORDER = Comparator.comparing(Finding::severity)
		.thenComparing(Finding::file, NULLS_FIRST)
		.thenComparing(Finding::page, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(Finding::rule, NULLS_FIRST);

	long count(Severity severity) {
		return this.findings.stream().filter((f) -> f.severity() == severity).count();
	}

	/** Delivery-level findings first, then the dossiers by name. */
	static List<DossierFindings> group(List<Finding> findings) {
		Map<String, List<Finding>> byDossier = new LinkedHashMap<>();
		findings.stream()
			.sorted(Comparator.comparing(Finding::dossier, NULLS_FIRST))
			.forEach((f) -> byDossier.computeIfAbsent(f.dossier(), (d) -> new ArrayList<>()).add(f));
		List<DossierFindings> groups = new ArrayList<>();
		byDossier.forEach((dossier, list) -> {
			list.sort(READING_ORDER);
			groups.add(new DossierFindings(dossier, "dossier-" + (groups.size() + 1), List.copyOf(list)));
		});
		return groups;
	}

}
