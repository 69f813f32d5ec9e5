package be.permitarchive.page;

/**
 * Guards on page images, so that no input exhausts memory.
 * @param maxPixels the most pixels one page image may have; larger pages are read downsampled to fit
 * @param textLayerDpi resolution at which text-layer pages are rendered for the access copy
 * @param assumedDpi resolution assumed when a file does not record one, and for OCR of pages whose recorded
 * resolution is implausible (over 1200 ppi: a page size that is not physical)
 */
public record PageLimits(long maxPixels, int textLayerDpi, int assumedDpi) {

	public static PageLimits defaults() {
		return new PageLimits(80_000_000L, 150, 300);
	}

}
