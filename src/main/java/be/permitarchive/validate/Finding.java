package be.permitarchive.validate;

import java.util.List;

/**
 * One rule broken by a delivery. The text people read comes from the message bundle, key {@code rule.<rule>}, with
 * {@code args} as its {0}, {1} ... (Dutch by default, English on request); the rule codes are stable and documented
 * in docs/standard.md.
 * @param rule the rule's code, e.g. {@code image.resolution-too-low}
 * @param dossier the dossier folder, or null for a delivery-level finding
 * @param file the file, relative to the delivery's payload folder, or null
 * @param page the 1-based page in the file, or null
 * @param args the values the message needs (measured resolution, expected minimum, ...)
 * @param thumbnailPng a small PNG of the offending page (at most 200 px on its long side), or null
 */
public record Finding(String rule, Severity severity, String dossier, String file, Integer page, List<String> args,
		byte[] thumbnailPng) {

	public Finding {
		args = List.copyOf(args);
	}

}
