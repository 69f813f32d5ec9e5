package be.permitarchive.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where outputs go ({@code store.*}).
 * @param dir the content-addressed store: searchable PDF/A, ALTO XML and text per dossier
 */
@ConfigurationProperties("store")
public record StoreProperties(Path dir) {

	public StoreProperties {
		if (dir == null) {
			dir = Path.of("data", "store");
		}
	}

}
