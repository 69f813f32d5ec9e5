package be.permitarchive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A store on a full disk: the run stops saying which file could not be written and how many dossiers still wait,
 * and once there is room again the same command registers every page. The full disk is a real one: a small tmpfs
 * mounted for the test (root only; skipped elsewhere).
 */
class DiskFullTest {

	@TempDir
	Path work;

	@Test
	void aFullStoreIsNamedAndNothingIsLost() throws Exception {
		Path store = this.work.resolve("store");
		Files.createDirectories(store);
		assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=24k", "tmpfs", store.toString()) == 0,
				"mounting a small tmpfs needs root");
		try {
			// given a delivery of two dossiers and a store with room for almost nothing
			Path delivery = this.work.resolve("delivery");
			TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", delivery.resolve("A-1"));
			TestDeliveries.copy("real-scans/tesseract-test/eurotext.tif", delivery.resolve("B-2"));
			String database = TestRegister.newDatabase();

			// when it is ingested
			Run full = ingest(store, delivery, database);

			// then the run fails naming the store's path, and says how many dossiers still wait
			assertThat(full.code()).as(full.out() + full.err()).isEqualTo(6);
			assertThat(full.out()).contains("No space left on device").contains(store.toString())
				.contains("2 dossier(s) wachten op OCR");

			// and once there is room, the same command registers every page
			assertThat(run("umount", store.toString())).isZero();
			Run again = ingest(store, delivery, database);
			assertThat(again.code()).as(again.out()).isIn(0, 3);
			assertThat(again.out()).contains("Dossiers: 2").doesNotContain("wachten op OCR");
		}
		finally {
			run("umount", store.toString());
		}
	}

	private static Run ingest(Path store, Path delivery, String database) {
		return Run.of(store, "ingest", delivery.toString(), "--accept-with-findings", "--language", "eng",
				"--register.url", database);
	}

	private static int run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
	}

}
