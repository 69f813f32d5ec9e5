package be.permitarchive.register;

import java.nio.file.Path;
import java.util.List;

/** A dossier discovered in a delivery and waiting for OCR, with its readable documents in order. */
public record PendingDossier(long id, String folder, Path dir, List<PendingDocument> documents) {

	public PendingDossier {
		documents = List.copyOf(documents);
	}

	/**
	 * A document of the dossier that passed the file checks.
	 * @param size its size in bytes when it was discovered, -1 when not known
	 * @param modified its modification time when it was discovered (to the microsecond), null when not known
	 */
	public record PendingDocument(long id, String path, String sha256, String mediaType, long size,
			java.time.Instant modified) {

		public PendingDocument(long id, String path, String sha256, String mediaType) {
			this(id, path, sha256, mediaType, -1, null);
		}

	}

}
