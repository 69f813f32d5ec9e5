package be.permitarchive.ocr;

/** The OCR engine cannot be started (library or language data missing). Not a page problem: the run stops. */
public class OcrUnavailableException extends RuntimeException {

	public OcrUnavailableException(String message) {
		super(message);
	}

	public OcrUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
