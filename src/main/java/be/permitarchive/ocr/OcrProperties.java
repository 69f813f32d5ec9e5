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
 */
@ConfigurationProperties("ocr")
public record OcrProperties(String language, String tessdata, int workers, Duration pageTimeout,
		float orientationConfidence, boolean skipPhotos) {

	public OcrProperties {
		language = (language == null || language.isBlank()) ? "nld" : language;
		pageTimeout = (pageTimeout == null) ? Duration.ofMinutes(3) : pageTimeout;
		orientationConfidence = (orientationConfidence <= 0) ? 5f : orientationConfidence;
	}

	public int effectiveWorkers() {
		return (this.workers > 0) ? this.workers : Runtime.getRuntime().availableProcessors();
	}

}
