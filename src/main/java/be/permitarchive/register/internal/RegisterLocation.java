package be.permitarchive.register.internal;

import java.nio.file.Path;
import java.util.regex.Pattern;

import be.permitarchive.register.RegisterProperties;

/**
 * Which register a process uses, as people are told where to look when it cannot be reached: the embedded one (its
 * data folder and its server's log) or an external one (its URL, without any password).
 * @param dataDir the embedded register's data folder, null for an external one
 * @param url the external register's JDBC URL without password, null for the embedded one
 */
public record RegisterLocation(Path dataDir, String url) {

	private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

	private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");

	public static RegisterLocation of(RegisterProperties properties) {
		return properties.embedded() ? new RegisterLocation(properties.dataDir().toAbsolutePath().normalize(), null)
				: new RegisterLocation(null, withoutPassword(properties.url()));
	}

	public boolean embedded() {
		return this.dataDir != null;
	}

	/** The embedded register's server log ({@code data/register.log} beside {@code data/register}). */
	public Path serverLog() {
		return this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
	}

	static String withoutPassword(String url) {
		String bare = PASSWORD.matcher(url).replaceAll("$1***");
		return USER_INFO.matcher(bare).replaceAll("//$1:***@");
	}

}
