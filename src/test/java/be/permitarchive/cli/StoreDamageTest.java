package be.permitarchive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A damaged store is never trusted: deleted and damaged outputs are found (quickly at every ingest, by content with
 * {@code archive verify}), made again from the originals, and the export never points at a file that is not there;
 * a register new to an old store does not take a folder without its access copy; one damaged ALTO does not fail the
 * extraction of a delivery. Real commands, real Tesseract, real PostgreSQL.
 */
class StoreDamageTest {

	@TempDir
	Path work;

	@Test
	void damagedOutputsAreFoundMadeAgainAndNeverServed() throws Exception {
		// given a delivery of three dossiers, ingested
		Path store = this.work.resolve("store");
		Path delivery = this.work.resolve("delivery");
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", delivery.resolve("A-1"));
		TestDeliveries.copy("real-scans/tesseract-test/eurotext.tif", delivery.resolve("B-2"));
		TestDeliveries.copy("real-scans/tesseract-test/phototest-rotated-180.png", delivery.resolve("C-3"));
		String database = TestRegister.newDatabase();
		assertThat(ingest(store, delivery, database).code()).isIn(0, 3);
		Run intact = archive(store, database, "verify");
		assertThat(intact.code()).as(intact.out()).isZero();
		assertThat(intact.out()).contains("In orde").contains("3 dossier(s)");
		Map<String, Path> folders = folders(database);

		// when one dossier's PDF is deleted, another's pages.json, and a third's ALTO damaged without changing its size
		Files.delete(folders.get("A-1").resolve("dossier.pdf"));
		Files.delete(folders.get("B-2").resolve("pages.json"));
		Path alto = onlyAlto(folders.get("C-3"));
		byte[] garbage = new byte[(int) Files.size(alto)];
		Arrays.fill(garbage, (byte) 'x');
		Files.write(alto, garbage);

		// then verify names all three, and what is wrong with each
		Run found = archive(store, database, "verify", "--report", this.work.resolve("fixity.json").toString());
		assertThat(found.code()).as(found.out()).isEqualTo(3);
		assertThat(found.out()).contains("A-1: beschadigd").contains("dossier.pdf: missing")
			.contains("B-2: beschadigd").contains("pages.json: missing")
			.contains("C-3: beschadigd").contains("SHA-256");
		assertThat(Files.readString(this.work.resolve("fixity.json"))).contains("\"folder\" : \"C-3\"");

		// and the next ingest makes again what is missing (found by the quick check), not "nothing to do"
		Run again = ingest(store, delivery, database);
		assertThat(again.out()).contains("2 dossier(s) in de opslag ontbrak").doesNotContain("Niets veranderd");
		assertThat(folders.get("A-1").resolve("dossier.pdf")).isRegularFile();
		assertThat(folders.get("B-2").resolve("pages.json")).isRegularFile();

		// and what only the content check finds is repaired through verify --repair and an ingest
		Run stillDamaged = archive(store, database, "verify");
		assertThat(stillDamaged.out()).contains("C-3: beschadigd").doesNotContain("A-1: beschadigd");
		assertThat(archive(store, database, "verify", "--repair").out()).contains("Klaargezet");
		ingest(store, delivery, database);
		Run repaired = archive(store, database, "verify");
		assertThat(repaired.code()).as(repaired.out()).isZero();
		assertThat(new String(Files.readAllBytes(alto))).contains("<alto");

		// and the export points only at files that are there
		Path export = this.work.resolve("register.jsonl");
		assertThat(archive(store, database, "export", "--out", export.toString()).code()).isZero();
		assertThat(Files.readString(export)).contains("dossier.pdf");
		for (Path pdf : pdfs(database).values()) {
			assertThat(pdf).isRegularFile();
		}

		// and one policy for who may read the store: the owner and the group, files and folders alike
		try (var walk = Files.walk(store.resolve("dossiers"))) {
			for (Path path : (Iterable<Path>) walk::iterator) {
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString())
					.isEqualTo(Files.isDirectory(path) ? "rwxr-x---" : "rw-r-----");
			}
		}
	}

	@Test
	void aNewRegisterOverAnOldStoreDoesNotTakeAFolderWithoutItsAccessCopy() throws Exception {
		// given a store written for one register, a dossier's PDF since deleted
		Path store = this.work.resolve("store");
		Path delivery = this.work.resolve("delivery");
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", delivery.resolve("A-1"));
		String first = TestRegister.newDatabase();
		ingest(store, delivery, first);
		Files.delete(folders(first).get("A-1").resolve("dossier.pdf"));

		// when a new register is built over it
		String second = TestRegister.newDatabase();
		Run built = ingest(store, delivery, second);

		// then the dossier gets its access copy again, and the new register's store is intact
		assertThat(built.code()).as(built.out()).isIn(0, 3);
		assertThat(pdfs(second).get("A-1")).isRegularFile();
		assertThat(archive(store, second, "verify").code()).isZero();
	}

	@Test
	void aDamagedAltoDoesNotFailTheExtractionOfTheDelivery() throws Exception {
		// given an ingested delivery whose ALTO is then damaged, and whose dossier is to be read again
		Path store = this.work.resolve("store");
		Path delivery = this.work.resolve("delivery");
		Path scan = TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", delivery.resolve("A-1"));
		String database = TestRegister.newDatabase();
		ingest(store, delivery, database);
		Path alto = onlyAlto(folders(database).get("A-1"));
		Files.write(alto, new byte[(int) Files.size(alto)]);
		sql(database, "update dossier set extracted_at = null");
		Files.setLastModifiedTime(scan, FileTime.from(Instant.now().plusSeconds(60)));

		// when it is ingested again
		Run again = ingest(store, delivery, database);

		// then the extraction completes, the page read from its text in the register
		assertThat(again.code()).as(again.out()).isIn(0, 3);
		assertThat(sql(database, "select count(*) from dossier where extracted_at is not null")).isEqualTo("1");
	}

	private Run ingest(Path store, Path delivery, String database) {
		return archive(store, database, "ingest", delivery.toString(), "--accept-with-findings", "--language", "eng");
	}

	private static Run archive(Path store, String database, String... args) {
		String[] all = Arrays.copyOf(args, args.length + 2);
		all[args.length] = "--register.url";
		all[args.length + 1] = database;
		return Run.of(store, all);
	}

	/** Each dossier's folder in the store, by dossier folder name. */
	private static Map<String, Path> folders(String database) throws Exception {
		Map<String, Path> folders = new LinkedHashMap<>();
		for (Map.Entry<String, Path> pdf : pdfs(database).entrySet()) {
			folders.put(pdf.getKey(), pdf.getValue().getParent());
		}
		return folders;
	}

	private static Map<String, Path> pdfs(String database) throws Exception {
		Map<String, Path> pdfs = new LinkedHashMap<>();
		try (Connection connection = DriverManager.getConnection(database);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select folder, searchable_pdf from dossier order by folder")) {
			while (rs.next()) {
				pdfs.put(rs.getString(1), Path.of(rs.getString(2)));
			}
		}
		return pdfs;
	}

	private static String sql(String database, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(database);
				Statement statement = connection.createStatement()) {
			if (!statement.execute(sql)) {
				return null;
			}
			try (ResultSet rs = statement.getResultSet()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

	private static Path onlyAlto(Path folder) throws Exception {
		try (var files = Files.list(folder.resolve("pages"))) {
			return files.filter((f) -> f.toString().endsWith(".alto.xml")).findFirst().orElseThrow();
		}
	}

}
