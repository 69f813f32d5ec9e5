package be.permitarchive.dossier;

/**
 * What the register keeps of one page.
 * @param index 0-based within its document
 * @param kind what the page is
 * @param dpi resolution of the page image, 0 when unknown
 * @param rotation clockwise degrees applied to turn the page upright before OCR
 * @param text the page's text (OCR or text layer), empty when not read
 * @param meanConfidence mean word confidence 0-100; null when the page was not OCR'd
 * @param engine the engine that read it, null when not OCR'd
 * @param skippedWhy why the page was not OCR'd, or not as a whole (a plan read in its title block only); null
 *     when it was read as a whole
 * @param altoPath path of the page's ALTO XML in the store, null when there is none
 */
public record PageResult(int index, PageKind kind, int dpi, int width, int height, int rotation, String text,
		Float meanConfidence, int wordCount, String engine, String skippedWhy, String altoPath) {

	public boolean ocrd() {
		return this.engine != null;
	}

}
