package be.permitarchive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A folder without a dossier folder that holds a file is no delivery: {@code validate} rejects it
 * ({@code package.empty}), {@code ingest} refuses it before anything of it is recorded in the register.
 */
class EmptyDeliveryTest {

	static final String DATABASE = TestRegister.newDatabase();

	static final Path work = TestDeliveries.workDir("empty-delivery");

	@Test
	void validateRejectsAnEmptyFolder() throws Exception {
		Path empty = Files.createDirectories(work.resolve("validate-empty"));

		Run run = Run.of(null, "--lang", "en", "validate", empty.toString(), "--report",
				work.resolve("report-empty").toString());

		assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
		assertThat(run.out()).contains("package.empty").contains("The delivery is empty");
	}

	@Test
	void validateRejectsAFolderOfEmptyDossierFolders() throws Exception {
		Path delivery = work.resolve("validate-hollow");
		Files.createDirectories(delivery.resolve("0001_1974-0123"));
		Files.createDirectories(delivery.resolve("0002_BV-91-214").resolve("scans"));

		Run run = Run.of(null, "--lang", "en", "validate", delivery.toString(), "--report",
				work.resolve("report-hollow").toString());

		assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
		assertThat(run.out()).contains("package.empty");
	}

	@Test
	void ingestRefusesAnEmptyFolderAndRecordsNothing() throws Exception {
		Path empty = Files.createDirectories(work.resolve("ingest-empty"));
		Files.writeString(empty.resolve("manifest.csv"), "folder,reference\n");

		Run run = Run.of(work.resolve("store"), "--lang", "en", "ingest", empty.toString(), "--accept-with-findings",
				"--register.url=" + DATABASE);

		assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
		assertThat(run.err()).contains("Empty delivery, not ingested: " + empty.toAbsolutePath().normalize())
			.contains("Nothing was recorded in the register");
		assertThat(count("delivery")).as("not counted as a delivery received").isZero();
		assertThat(count("delivery_validation")).isZero();
	}

	private static int count(String table) throws Exception {
		try (Connection connection = DriverManager.getConnection(DATABASE);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
