package be.permitarchive.store;

/**
 * A file the pipeline wrote to the store, as recorded in the register when it was written.
 * @param path relative to the store root, '/'-separated
 */
public record StoredFile(String path, String sha256, long size) {
}
