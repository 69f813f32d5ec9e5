package be.permitarchive.georef;

/** A parcel file in a coordinate reference system other than Lambert 72 (EPSG:31370) or Lambert 2008 (EPSG:3812). */
public class UnknownCrsException extends ReferenceDataException {

	public UnknownCrsException(String message) {
		super(message);
	}

}
