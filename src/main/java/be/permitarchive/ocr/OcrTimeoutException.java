package be.permitarchive.ocr;

/** Recognition of one page exceeded the per-page time limit. */
public class OcrTimeoutException extends OcrException {

	public OcrTimeoutException(String message) {
		super(message);
	}

}
