package be.permitarchive.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import be.permitarchive.support.TestRegister;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code archive reference load} on a real register: it says what it loaded and what that replaces, and an older map
 * (the content of a superseded version) does not become the current one unless forced.
 */
class ReferenceCommandTest {

	static final String DATABASE = TestRegister.newDatabase();

	@Test
	void anOlderMapIsRefusedUnlessForcedAndEveryLoadSaysWhatItReplaces() throws Exception {
		// given the first map, then the second
		Run first = load("sample-scans/reference");
		assertThat(first.code()).as(first.err()).isZero();
		assertThat(first.out()).contains("Reference version 1 loaded").contains("Version 1 is the first map");
		Run second = load("sample-scans/reference-v2");
		assertThat(second.code()).as(second.err()).isZero();
		assertThat(second.out()).contains("Reference version 2 loaded")
			.containsPattern("Version 2 is now the current map; it replaces version 1 \\(.*sample-scans/reference: "
					+ "\\d+ parcels, \\d+ addresses\\)");

		// when the first map is loaded again
		Run older = load("sample-scans/reference");

		// then it is refused, and the second map stays current
		assertThat(older.code()).isEqualTo(2);
		assertThat(older.err()).contains("Refused:").contains("reference version 1, which has been superseded")
			.contains("the current version is 2").contains("--force");
		assertThat(versions()).isEqualTo(2);

		// when it is forced
		Run forced = load("sample-scans/reference", "--force");

		// then it is the current map, and says what it replaces
		assertThat(forced.code()).as(forced.err()).isZero();
		assertThat(forced.out()).contains("Reference version 3 loaded").contains("it replaces version 2");
		assertThat(versions()).isEqualTo(3);
	}

	@Test
	void theCurrentMapLoadedAgainIsUnchanged() throws Exception {
		String database = TestRegister.newDatabase();
		assertThat(Run.of(null, "--lang", "en", "reference", "load", "sample-scans/reference",
				"--register.url=" + database).code()).isZero();

		Run again = Run.of(null, "--lang", "en", "reference", "load", "sample-scans/reference",
				"--register.url=" + database);

		assertThat(again.code()).as(again.err()).isZero();
		assertThat(again.out()).contains("Unchanged: version 1");
	}

	private static Run load(String folder, String... more) {
		String[] args = new String[5 + more.length];
		args[0] = "--lang";
		args[1] = "en";
		args[2] = "reference";
		args[3] = "load";
		args[4] = folder;
		System.arraycopy(more, 0, args, 5, more.length);
		String[] withRegister = java.util.Arrays.copyOf(args, args.length + 1);
		withRegister[args.length] = "--register.url=" + DATABASE;
		return Run.of(null, withRegister);
	}

	private static int versions() throws Exception {
		try (Connection connection = DriverManager.getConnection(DATABASE);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from reference_version")) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
