package be.permitarchive.dossier;

/** Something a reviewer should know about a dossier, with a stable code (docs/standard.md, "Issue codes"). */
public record Issue(String code, String message) {

}
