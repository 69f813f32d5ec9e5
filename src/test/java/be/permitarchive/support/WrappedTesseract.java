package be.permitarchive.support;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

import be.permitarchive.ocr.OcrEngine;
import be.permitarchive.ocr.OcrEngineFactory;
import be.permitarchive.ocr.OcrException;
import be.permitarchive.ocr.RecognizedPage;
import be.permitarchive.ocr.internal.Tess4jOcrEngine;

/**
 * Real Tesseract with a hook called before each page, for tests about the job's control flow (a hang, a count):
 * the hook only steers, the reading is Tesseract's.
 */
public final class WrappedTesseract {

	private WrappedTesseract() {
	}

	public static OcrEngineFactory around(String language, Hook hook) {
		return () -> new OcrEngine() {

			private final Tess4jOcrEngine real = new Tess4jOcrEngine(language, null, 60_000, 5f);

			@Override
			public RecognizedPage recognize(BufferedImage image, int dpi) throws OcrException {
				hook.before(image);
				return this.real.recognize(image, dpi);
			}

			@Override
			public RecognizedPage recognizeRegion(BufferedImage image, int dpi, Rectangle region) throws OcrException {
				hook.before(image);
				return this.real.recognizeRegion(image, dpi, region);
			}

			@Override
			public String description() {
				return this.real.description();
			}

			@Override
			public void close() {
				this.real.close();
			}

		};
	}

	/** Called on the worker thread before the page is read. */
	@FunctionalInterface
	public interface Hook {

		void before(BufferedImage image) throws OcrException;

	}

}
