package be.permitarchive.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import be.permitarchive.ingest.DeliveryLayout;
import be.permitarchive.ocr.OcrEngine;
import be.permitarchive.ocr.internal.Tess4jOcrEngine;
import be.permitarchive.page.PageLimits;
import be.permitarchive.validate.internal.BagChecks;
import be.permitarchive.validate.internal.Findings;
import be.permitarchive.validate.internal.Inventory;
import be.permitarchive.validate.internal.ManifestChecks;
import be.permitarchive.validate.internal.PageReview;

/**
 * Checks a delivery against the standard (docs/standard.md) without a register, so that a contractor can run it
 * before delivering: packaging, manifest, every file and page, completeness. Cheap checks come first; a delivery
 * whose packaging is unsafe (too many files) is not opened further. Never throws for a bad delivery: everything wrong
 * with it is a {@link Finding}.
 */
public final class DeliveryValidator {

	private final Supplier<OcrEngine> ocrEngines;

	private final PageLimits limits;

	/** With the real Tesseract engine (Dutch) for the legibility sample. */
	public DeliveryValidator() {
		this(() -> new Tess4jOcrEngine("nld", null, 60_000, 5f), PageLimits.defaults());
	}

	public DeliveryValidator(Supplier<OcrEngine> ocrEngines, PageLimits limits) {
		this.ocrEngines = ocrEngines;
		this.limits = limits;
	}

	/**
	 * Validates the delivery folder {@code delivery}.
	 * @throws IOException when the folder itself cannot be read (not for anything wrong inside it)
	 */
	public ValidationReport validate(Path delivery, ValidationOptions options) throws IOException {
		Path root = delivery.toAbsolutePath().normalize();
		Instant started = Instant.now();
		Findings findings = new Findings();
		boolean bag = BagChecks.isBag(root);
		Path payload = DeliveryLayout.payloadDir(root);
		Inventory inventory = Inventory.take(root, payload, options.maxFiles(), options.maxFileNameLength(),
				findings);
		checkPackaging(root, bag, inventory, options, findings);
		if (inventory.tooMany()) {
			return report(root, started, bag, 0, inventory.regularFiles().size(), 0, Map.of(), findings);
		}
		DeliveryLayout.Delivery layout = DeliveryLayout.discover(root);
		layout.looseFiles().forEach((file) -> findings.file(Rule.PACKAGE_OUTSIDE_DOSSIER, null,
				payloadName(root, payload, root.resolve(file)), file.getFileName()));
		List<String> folders = layout.dossiers().stream().map(DeliveryLayout.DossierFolder::name).toList();
		Map<String, Integer> expectedPages = ManifestChecks.check(ManifestChecks.location(root, payload), folders,
				findings);
		try (PageReview review = new PageReview(options, this.limits, this.ocrEngines, findings)) {
			for (DeliveryLayout.DossierFolder dossier : layout.dossiers()) {
				checkDossier(root, payload, dossier, inventory, expectedPages, review, findings);
			}
			review.duplicates();
			int files = (int) layout.dossiers().stream().mapToLong((d) -> d.files().size()).sum()
					+ layout.looseFiles().size();
			return report(root, started, bag, layout.dossiers().size(), files, review.pages(), review.pagesByDpi(),
					findings);
		}
	}

	private static void checkPackaging(Path root, boolean bag, Inventory inventory, ValidationOptions options,
			Findings findings) {
		if (!bag) {
			if (options.lenient()) {
				findings.delivery(Rule.PACKAGE_NOT_A_BAG);
			}
			else {
				findings.add(Rule.PACKAGE_BAG_INVALID, null, null, null, null, "bagit.txt is missing");
			}
			return;
		}
		if (!inventory.tooMany()) {
			BagChecks.check(root, Set.copyOf(inventory.regularFiles()), findings);
		}
	}

	private static void checkDossier(Path root, Path payload, DeliveryLayout.DossierFolder dossier,
			Inventory inventory, Map<String, Integer> expectedPages, PageReview review, Findings findings) {
		if (dossier.files().isEmpty()) {
			findings.file(Rule.DOSSIER_EMPTY, dossier.name(), null, dossier.name());
		}
		review.startDossier(dossier.name());
		for (Path file : dossier.files()) {
			Path absolute = dossier.dir().resolve(file);
			Path relative = root.relativize(absolute);
			if (inventory.isLink(relative) || inventory.hasBadName(relative)
					|| !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
				continue; // already a finding; never opened
			}
			review.file(absolute, payloadName(root, payload, absolute));
		}
		review.endDossier(expectedPages.get(dossier.name()));
	}

	private static String payloadName(Path root, Path payload, Path absolute) {
		return payload.relativize(absolute).toString();
	}

	private static ValidationReport report(Path root, Instant started, boolean bag, int dossiers, int files, int pages,
			Map<Integer, Integer> pagesByDpi, Findings findings) {
		List<Finding> all = findings.all();
		Verdict verdict = all.stream().anyMatch((f) -> f.severity() == Severity.REJECT) ? Verdict.REJECTED
				: Verdict.ACCEPTED;
		return new ValidationReport(root.toString(), started, verdict, bag, dossiers, files, pages,
				new TreeMap<>(pagesByDpi), all);
	}

}
