package be.permitarchive.ocr;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OCR settings ({@code ocr.*} in config/application.yml).
 * @param language Tesseract language(s), e.g. {@code nld} or {@code nld+eng} (about 38% slower)
 * @param tessdata folder with the traineddata files; empty to look in the usual places
 * @param workers OCR worker threads, each with its own engine; 0 for one per core
 * @param pageTimeout the longest one page may take; the page is then recorded as failed
 * @param orientationConfidence minimum orientation-detection confidence to turn a page upright
 * @param skipPhotos do not OCR pages classified as photographs
 * @param maxPpi pages scanned at a higher resolution are downsampled to 300 ppi for OCR (and the access copy)
 * @param plans how much of a plan (large-format page) to OCR: its title block (default), all of it, or nothing
 * @param partitions the shares the pending dossiers of a delivery are split into for OCR; 0 for two per worker
 */
@ConfigurationProperties("ocr")
public record OcrProperties(String language, String tessdata, int workers, Duration pageTimeout,
		float orientationConfidence, boolean skipPhotos, int maxPpi, PlanReading plans, int partitions) {

	public OcrProperties {
		maxPpi = (maxPpi <= 0) ? 400 : maxPpi;
		plans = (plans == null) ? PlanReading.TITLE_BLOCK : plans;
		language = (language == null || language.isBlank()) ? "nld" : language;
		pageTimeout = (pageTimeout == null) ? Duration.ofMinutes(3) : pageTimeout;
		orientationConfidence = (orientationConfidence <= 0) ? 5f : orientationConfidence;
	}

	/** How much of a plan is OCR'd ({@code ocr.plans}: {@code title-block}, {@code full}, {@code skip}). */
	public enum PlanReading {

		/**
		 * Only the title block, where ISO 7200 puts it: the bottom right corner of the sheet. A plan with no text
		 * there (scanned turned, or without a title block) is read as a whole.
		 */
		TITLE_BLOCK,

		/** The whole sheet, at full cost. */
		FULL,

		/** Not at all: registered with the reason. */
		SKIP

	}

	public int effectiveWorkers() {
		return (this.workers > 0) ? this.workers : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * Two partitions per worker unless set. As many partitions run side by side as there are workers; with twice as
	 * many, a thread whose partition ends early (its dossiers were small) takes the next one instead of idling while
	 * another partition works through plans or 500-page files. Many more would add step executions to the job
	 * repository (and, with remote workers, messages) without balancing better.
	 */
	public int effectivePartitions() {
		return (this.partitions > 0) ? this.partitions : 2 * effectiveWorkers();
	}

}
