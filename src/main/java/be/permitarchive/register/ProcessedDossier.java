package be.permitarchive.register;

import java.nio.file.Path;
import java.util.List;

import be.permitarchive.dossier.DossierStatus;
import be.permitarchive.dossier.Issue;
import be.permitarchive.dossier.PageResult;
import be.permitarchive.dossier.Quarantined;
import be.permitarchive.store.StoredFile;

/**
 * A dossier after OCR, ready to be written to the register in one transaction.
 * @param searchablePdf the dossier's searchable PDF/A, null when it has no readable page
 * @param storeFiles the files written to the store for it, with their checksums, to record in the register (empty
 * when it was taken from the store as it was)
 */
public record ProcessedDossier(long id, String folder, String storeKey, Path searchablePdf,
		List<DocumentOutcome> documents, List<Issue> issues, List<StoredFile> storeFiles) {

	public ProcessedDossier {
		documents = List.copyOf(documents);
		issues = List.copyOf(issues);
		storeFiles = List.copyOf(storeFiles);
	}

	public ProcessedDossier(long id, String folder, String storeKey, Path searchablePdf,
			List<DocumentOutcome> documents, List<Issue> issues) {
		this(id, folder, storeKey, searchablePdf, documents, issues, List.of());
	}

	public List<PageResult> pages() {
		return this.documents.stream().flatMap((d) -> d.pages().stream()).toList();
	}

	/** The status the dossier gets: every file quarantined, something to review, or registered. */
	public DossierStatus status() {
		boolean anyRegistered = this.documents.stream().anyMatch((d) -> d.quarantined() == null);
		if (!anyRegistered) {
			return DossierStatus.QUARANTINED;
		}
		return this.issues.stream().noneMatch(Issue::holdsForReview) ? DossierStatus.REGISTERED
				: DossierStatus.NEEDS_REVIEW;
	}

	/**
	 * One document's pages, or why it went to quarantine while its pages were read.
	 * @param path the document's path relative to the dossier folder
	 */
	public record DocumentOutcome(long id, String path, List<PageResult> pages, Quarantined quarantined) {

		public DocumentOutcome {
			pages = List.copyOf(pages);
		}

	}

}
