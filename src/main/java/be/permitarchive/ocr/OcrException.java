package be.permitarchive.ocr;

/** The OCR engine could not read a page. */
public class OcrException extends Exception {

	public OcrException(String message) {
		super(message);
	}

	public OcrException(String message, Throwable cause) {
		super(message, cause);
	}

}
