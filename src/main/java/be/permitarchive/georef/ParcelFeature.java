package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

import org.locationtech.jts.geom.Geometry;

/**
 * A feature as a parcel file holds it, before checking: where it came from ("parcels.geojson#17"), the CaPaKey
 * attribute as text, and the geometry already in Lambert 72.
 */
public record ParcelFeature(String source, String capakey, Geometry geometry) {
}
