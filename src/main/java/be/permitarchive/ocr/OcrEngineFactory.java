package be.permitarchive.ocr;

/** Makes one OCR engine for one worker thread. */
@FunctionalInterface
public interface OcrEngineFactory {

	OcrEngine create();

}
