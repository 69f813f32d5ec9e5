package be.permitarchive.register;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the register lives.
 * @param url JDBC URL of an external PostgreSQL 14+ ({@code jdbc:postgresql://host:5432/db}); empty for the embedded
 * register
 * @param username user for the external database
 * @param password password for the external database
 * @param dataDir data directory of the embedded register (kept between runs)
 * @param port TCP port of the embedded register on 127.0.0.1, 0 for any free port
 */
@ConfigurationProperties("register")
public record RegisterProperties(String url, String username, String password, Path dataDir, int port) {

	public RegisterProperties {
		if (dataDir == null) {
			dataDir = Path.of("data", "register");
		}
	}

	public boolean embedded() {
		return this.url == null || this.url.isBlank();
	}

}
