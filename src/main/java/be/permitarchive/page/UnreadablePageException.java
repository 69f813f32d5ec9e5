package be.permitarchive.page;

import java.io.IOException;

/** One page of a file cannot be decoded or rendered. */
public class UnreadablePageException extends IOException {

	public UnreadablePageException(String message, Throwable cause) {
		super(message, cause);
	}

}
