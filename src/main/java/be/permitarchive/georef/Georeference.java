package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;

/**
 * Where a dossier lies: the union of its parcels on one map version, how that was found and how sure it is.
 * @param geometry Polygon or MultiPolygon in Lambert 72, or {@code null} when nothing resolved
 * @param reasons what could not be resolved or does not agree, in words, for the review queue
 */
public record Georeference(String dossierId, String mapVersion, Geometry geometry, Method method, double confidence,
		List<ResolvedParcel> parcels, List<ResolvedAddress> addresses, Set<Flag> flags, List<String> reasons) {

	public Georeference {
		parcels = List.copyOf(parcels);
		addresses = List.copyOf(addresses);
		flags = Set.copyOf(flags);
		reasons = List.copyOf(reasons);
	}

	/** Whether a person should look at it: nothing resolved, or a flag that lowers trust. */
	public boolean needsReview() {
		return method == Method.NONE || flags.contains(Flag.PARCEL_ADDRESS_DISAGREE)
				|| flags.contains(Flag.PARCEL_UNRESOLVED) || flags.contains(Flag.RESOLVED_VIA_RADICAL);
	}

	/** Which evidence the polygon rests on. */
	public enum Method {

		CAPAKEY, ADDRESS, MANIFEST, NONE;

		/** The register's vocabulary: capakey, address, manifest, none. */
		public String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public enum Flag {

		/** A written parcel is not on the current map (split or merged since). */
		PARCEL_NOT_ON_MAP,
		/** ...and was followed to its successors through the map history. */
		RESOLVED_VIA_HISTORY,
		/** ...and was replaced by today's parcels with the same radical in its section. */
		RESOLVED_VIA_RADICAL,
		/** A written parcel could not be read or found at all. */
		PARCEL_UNRESOLVED,
		/** "(deel)": the dossier concerns part of a parcel; the polygon is the whole parcel. */
		PART_OF_PARCEL,
		/** A written address matched no register address above the threshold. */
		ADDRESS_UNMATCHED,
		/** An address point lies more than the allowed distance from the parcels. */
		PARCEL_ADDRESS_DISAGREE

	}

	/** How one written parcel phrase or key was resolved. */
	public record ResolvedParcel(WrittenParcel written, List<CaPaKey> asRead, List<CaPaKey> onMap, String how) {
	}

	/** How one written address was resolved: the match (or null) and the parcel containing its point. */
	public record ResolvedAddress(WrittenAddress written, AddressMatch match, CaPaKey parcel) {
	}

}
