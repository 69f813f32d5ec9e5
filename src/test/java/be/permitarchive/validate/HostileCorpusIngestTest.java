package be.permitarchive.validate;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import be.permitarchive.job.IngestRunner;
import be.permitarchive.job.IngestRunner.IngestResult;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest over the hostile corpus, accepted with its findings: the job completes, nothing outside the delivery is read
 * through a link, and every entry of every dossier folder ends up registered or in quarantine with a reason.
 */
@SpringBootTest(properties = "ocr.language=eng")
class HostileCorpusIngestTest {

	static final Path work = TestDeliveries.workDir("hostile-ingest");

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", TestRegister::newDatabase);
		registry.add("store.dir", () -> work.resolve("store").toString());
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void everyHostileFileIsRegisteredOrQuarantinedAndTheJobCompletes() throws Exception {
		// given
		Path delivery = Files.createDirectories(work.resolve("hostile"));
		HostileCorpus.delivery(delivery);
		long entries;
		try (var walk = Files.walk(delivery)) {
			entries = walk.filter((p) -> !p.getParent().equals(delivery))
				.filter((p) -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
				.count();
		}

		// when
		IngestResult result = this.runner.ingest(delivery, null, true);

		// then
		assertThat(result.status()).isEqualTo(BatchStatus.COMPLETED);
		int registered = this.jdbc.sql("select count(*) from document where status = 'registered'")
			.query(Integer.class).single();
		int quarantined = this.jdbc.sql("select count(*) from quarantine where dossier_id is not null")
			.query(Integer.class).single();
		assertThat(registered + quarantined).as("no entry lost").isEqualTo(entries);
		assertThat(this.jdbc.sql("select path || ' ' || reason_code from quarantine order by path")
			.query(String.class).list())
			.contains("02_pdf/5000-pages.pdf too-large", "03_bombs/bomb.png too-large", "03_bombs/bomb.tif too-large",
					"02_pdf/encrypted.pdf encrypted", "01_broken/zero.tif empty-file",
					"06_links/passwd.tif symbolic-link", "06_links/loop-a.tif symbolic-link", "06_links/up symbolic-link");
	}

}
