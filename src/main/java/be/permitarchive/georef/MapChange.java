package be.permitarchive.georef;

import be.permitarchive.dossier.CaPaKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;

/**
 * The difference between two versions of the parcel map, per CaPaKey: parcels added, split (the old area is now
 * covered by several new parcels), merged (several old parcels are now one), renumbered, redrawn (same key, geometry
 * moved more than a tolerance) or vanished (no successor). Re-aligns dossier polygons to the new version.
 */
public final class MapChange {

	/** How a parcel changed between two map versions. */
	public enum Kind {

		ADDED, SPLIT, MERGED, RENUMBERED, REDRAWN, VANISHED

	}

	/**
	 * One parcel's change.
	 * @param successors the new parcels that cover an old one (split, merged, renumbered)
	 * @param predecessors for a merge: the old parcels the successor united
	 */
	public record ParcelChange(CaPaKey key, Kind kind, List<CaPaKey> successors, List<CaPaKey> predecessors,
			double oldArea, double newArea) {

		public String describe() {
			return switch (kind) {
				case ADDED -> key + " added";
				case SPLIT -> key + " split into " + names(successors);
				case MERGED -> names(predecessors) + " merged into " + names(successors);
				case RENUMBERED -> key + " renumbered " + names(successors);
				case REDRAWN -> String.format(Locale.ROOT, "%s redrawn (%.1f -> %.1f m2)", key, oldArea, newArea);
				case VANISHED -> key + " vanished without successor";
			};
		}

		private static String names(List<CaPaKey> keys) {
			return keys.stream().map(CaPaKey::toString).collect(Collectors.joining(", "));
		}

	}

	/** A dossier as the register holds it: the parcels its polygon was made of, and that polygon. */
	public record PlacedDossier(String dossierId, Set<CaPaKey> parcels, Geometry geometry) {
	}

	/**
	 * A dossier whose polygon changes with the new map version.
	 * @param vanished parcels with no successor: their old geometry is kept in the new polygon, for review
	 */
	public record Realignment(String dossierId, Set<CaPaKey> oldParcels, Set<CaPaKey> newParcels,
			Geometry oldGeometry, Geometry newGeometry, double oldArea, double newArea, List<Kind> kinds,
			List<String> reasons, List<CaPaKey> vanished) {

		public double areaDifference() {
			return newArea - oldArea;
		}

	}

	/** Share of an old parcel that must be covered by new parcels to count as their predecessor. */
	private static final double MIN_COVERAGE = 0.5;

	private final ParcelMap oldMap;

	private final ParcelMap newMap;

	private final Map<CaPaKey, ParcelChange> changes;

	private MapChange(ParcelMap oldMap, ParcelMap newMap, Map<CaPaKey, ParcelChange> changes) {
		this.oldMap = oldMap;
		this.newMap = newMap;
		this.changes = changes;
	}

	/**
	 * Compares two versions.
	 * @param toleranceMeters a parcel whose boundary moved less than this (Hausdorff distance) is unchanged
	 */
	public static MapChange compare(ParcelMap oldMap, ParcelMap newMap, double toleranceMeters) {
		Map<CaPaKey, ParcelChange> changes = new LinkedHashMap<>();
		Set<CaPaKey> explained = new LinkedHashSet<>();
		for (Parcel old : oldMap.parcels()) {
			Optional<Parcel> same = newMap.parcel(old.key());
			if (same.isPresent()) {
				if (moved(old.geometry(), same.get().geometry(), toleranceMeters)) {
					changes.put(old.key(), new ParcelChange(old.key(), Kind.REDRAWN, List.of(), List.of(), old.area(),
							same.get().area()));
				}
				continue;
			}
			ParcelChange change = classifyRemoved(old, oldMap, newMap);
			explained.addAll(change.successors());
			changes.put(old.key(), change);
		}
		for (Parcel added : newMap.parcels()) {
			if (!oldMap.contains(added.key()) && !explained.contains(added.key())) {
				changes.put(added.key(),
						new ParcelChange(added.key(), Kind.ADDED, List.of(), List.of(), 0, added.area()));
			}
		}
		return new MapChange(oldMap, newMap, changes);
	}

	private static boolean moved(Geometry before, Geometry after, double tolerance) {
		if (before.equalsExact(after, tolerance)) {
			return false;
		}
		return DiscreteHausdorffDistance.distance(before, after) > tolerance;
	}

	private static ParcelChange classifyRemoved(Parcel old, ParcelMap oldMap, ParcelMap newMap) {
		double area = old.area();
		Map<CaPaKey, Double> overlaps = overlapAreas(old.geometry(), newMap);
		double covered = overlaps.values().stream().mapToDouble(Double::doubleValue).sum();
		if (covered < MIN_COVERAGE * area) {
			return new ParcelChange(old.key(), Kind.VANISHED, List.of(), List.of(), area, 0);
		}
		List<CaPaKey> successors = overlaps.keySet().stream().sorted().toList();
		double newArea = successors.stream().mapToDouble(k -> newMap.parcel(k).get().area()).sum();
		if (successors.size() > 1) {
			return new ParcelChange(old.key(), Kind.SPLIT, successors, List.of(old.key()), area, newArea);
		}
		Parcel successor = newMap.parcel(successors.get(0)).get();
		List<CaPaKey> predecessors = overlapAreas(successor.geometry(), oldMap).keySet()
			.stream()
			.filter(k -> !newMap.contains(k))
			.sorted()
			.toList();
		if (predecessors.size() > 1) {
			return new ParcelChange(old.key(), Kind.MERGED, successors, predecessors, area, newArea);
		}
		return new ParcelChange(old.key(), Kind.RENUMBERED, successors, List.of(old.key()), area, newArea);
	}

	/** The parcels of {@code map} that share a meaningful area with {@code area}: over 1 m2 and 1 % of either. */
	private static Map<CaPaKey, Double> overlapAreas(Geometry area, ParcelMap map) {
		Map<CaPaKey, Double> overlaps = new HashMap<>();
		for (Parcel candidate : map.near(area.getEnvelopeInternal())) {
			if (!candidate.geometry().intersects(area)) {
				continue;
			}
			double shared = candidate.geometry().intersection(area).getArea();
			double smaller = Math.min(candidate.area(), area.getArea());
			if (shared > 1.0 && shared > 0.01 * smaller) {
				overlaps.put(candidate.key(), shared);
			}
		}
		return overlaps;
	}

	public ParcelMap oldMap() {
		return oldMap;
	}

	public ParcelMap newMap() {
		return newMap;
	}

	public Collection<ParcelChange> changes() {
		return changes.values();
	}

	public Optional<ParcelChange> change(CaPaKey key) {
		return Optional.ofNullable(changes.get(key));
	}

	/** Old keys and the new parcels that replaced them, for resolving documents that still name old numbers. */
	public MapHistory history() {
		Map<CaPaKey, List<CaPaKey>> successors = new HashMap<>();
		for (ParcelChange change : changes.values()) {
			if (!change.successors().isEmpty()) {
				successors.put(change.key(), change.successors());
			}
		}
		return new MapHistory(successors);
	}

	/**
	 * The dossier's polygon on the new map version, or empty when none of its parcels changed. A parcel that vanished
	 * keeps its old geometry and is listed in {@link Realignment#vanished()}: flagged, not emptied.
	 */
	public Optional<Realignment> realign(PlacedDossier dossier) {
		Set<CaPaKey> newKeys = new LinkedHashSet<>();
		List<Geometry> kept = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		List<Kind> kinds = new ArrayList<>();
		List<CaPaKey> vanished = new ArrayList<>();
		for (CaPaKey key : dossier.parcels()) {
			ParcelChange change = changes.get(key);
			if (change == null) {
				if (newMap.contains(key)) {
					newKeys.add(key);
				}
				else {
					oldMap.parcel(key).ifPresent(p -> kept.add(p.geometry()));
					vanished.add(key);
					kinds.add(Kind.VANISHED);
					reasons.add(key + " is on neither map version");
				}
				continue;
			}
			kinds.add(change.kind());
			reasons.add(change.describe());
			switch (change.kind()) {
				case SPLIT, MERGED, RENUMBERED -> newKeys.addAll(change.successors());
				case REDRAWN, ADDED -> newKeys.add(key);
				case VANISHED -> {
					vanished.add(key);
					oldMap.parcel(key).ifPresent(p -> kept.add(p.geometry()));
				}
			}
		}
		if (reasons.isEmpty()) {
			return Optional.empty();
		}
		List<Geometry> parts = new ArrayList<>(kept);
		for (CaPaKey key : newKeys) {
			newMap.parcel(key).ifPresent(p -> parts.add(p.geometry()));
		}
		Geometry newGeometry = ParcelMap.unite(parts).orElse(null);
		double oldArea = dossier.geometry() == null ? 0 : dossier.geometry().getArea();
		double newArea = newGeometry == null ? 0 : newGeometry.getArea();
		return Optional.of(new Realignment(dossier.dossierId(), dossier.parcels(), newKeys, dossier.geometry(),
				newGeometry, oldArea, newArea, kinds, reasons, vanished));
	}

	/** {@link #realign} for many dossiers: only the ones that change, by dossier id. */
	public List<Realignment> realignAll(Collection<PlacedDossier> dossiers) {
		return dossiers.stream()
			.map(this::realign)
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(Realignment::dossierId))
			.toList();
	}

}
