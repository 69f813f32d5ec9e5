package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

import org.locationtech.jts.geom.Geometry;

/** One parcel of a parcel map: its CaPaKey and its Polygon or MultiPolygon in Lambert 72 (EPSG:31370). */
public record Parcel(CaPaKey key, Geometry geometry) {

	public double area() {
		return geometry.getArea();
	}

}
