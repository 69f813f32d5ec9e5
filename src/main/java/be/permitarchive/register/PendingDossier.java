package be.permitarchive.register;

import java.nio.file.Path;
import java.util.List;

/** A dossier discovered in a delivery and waiting for OCR, with its readable documents in order. */
public record PendingDossier(long id, String folder, Path dir, List<PendingDocument> documents) {

	public PendingDossier {
		documents = List.copyOf(documents);
	}

	/** A document of the dossier that passed the file checks. */
	public record PendingDocument(long id, String path, String sha256, String mediaType) {
	}

}
