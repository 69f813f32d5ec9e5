package be.permitarchive.ingest;

import java.nio.file.Path;

/** The folder given as a delivery holds no dossier folder with files: there is nothing to ingest, nor to record. */
public class EmptyDeliveryException extends NotADeliveryException {

	public EmptyDeliveryException(Path path) {
		super(path);
	}

}
