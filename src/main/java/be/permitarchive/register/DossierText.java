package be.permitarchive.register;

import java.util.List;

import be.permitarchive.ingest.Manifest;

/**
 * A registered dossier's pages as the extraction reads them, with its manifest row.
 * @param manifest the manifest row, null when the manifest does not list the dossier
 */
public record DossierText(long id, String folder, List<Page> pages, Manifest.Entry manifest) {

	/** One page: its document (path in the dossier folder), index, kind, text and ALTO file (null if none). */
	public record Page(String document, int index, String kind, String text, String altoPath) {
	}

}
