package be.permitarchive.dossier;

/** A file that could not be registered, with the reason and a detail for the archive team. */
public record Quarantined(QuarantineReason reason, String detail) {

}
