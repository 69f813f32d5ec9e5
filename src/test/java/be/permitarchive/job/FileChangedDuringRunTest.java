package be.permitarchive.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import be.permitarchive.dossier.QuarantineReason;
import be.permitarchive.ingest.FileSnapshot;
import be.permitarchive.register.PendingDossier;
import be.permitarchive.register.ProcessedDossier;
import be.permitarchive.register.internal.JdbcRegister;
import be.permitarchive.store.Fixity;
import be.permitarchive.store.Store;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file that changes or goes between its discovery and the reading of its pages (replaced, still being copied,
 * deleted): nothing of the other content is registered under the hash discovered, the store keeps nothing under a
 * hash that is not its content's, the file is named in quarantine with what happened, and an untouched copy of the
 * delivery is read as it is. Discovery is done through the register as the discover step does it, so that the change
 * falls exactly between the two; the pages are read by the real OCR step's processor, with Tesseract.
 */
@SpringBootTest
class FileChangedDuringRunTest {

	@TempDir
	static Path work;

	@Autowired
	DossierOcrProcessor processor;

	@Autowired
	JdbcRegister register;

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", TestRegister::newDatabase);
		registry.add("store.dir", () -> work.resolve("store").toString());
		registry.add("ocr.language", () -> "eng");
	}

	@Test
	void aFileReplacedAfterDiscoveryIsNotRegisteredAndPoisonsNothing() throws Exception {
		// given a delivery whose letter was discovered with one content
		Path delivery = work.resolve("replaced");
		Path letter = TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", delivery.resolve("1987-0456"));
		Files.copy(letter, work.resolve("untouched-source.tif"), StandardCopyOption.REPLACE_EXISTING);
		long deliveryId = discover(delivery, "1987-0456", letter);

		// when another dossier's scan replaces it before its pages are read
		Path other = TestDeliveries.copy("real-scans/tesseract-test/eurotext.tif", work.resolve("elsewhere"));
		Files.copy(other, letter, StandardCopyOption.REPLACE_EXISTING);
		ProcessedDossier processed = readAndWrite(deliveryId);

		// then nothing of the other content is registered, and the file is named with what happened to it
		assertThat(processed.documents()).singleElement()
			.satisfies((d) -> assertThat(d.quarantined().reason()).isEqualTo(QuarantineReason.CHANGED));
		assertThat(this.jdbc.sql("""
				select q.path || ' ' || q.reason_code from quarantine q where q.delivery_id = :delivery""")
			.param("delivery", deliveryId).query(String.class).list())
			.containsExactly("1987-0456/phototest.tif changed-during-run");
		assertThat(pageTexts(deliveryId)).as("no page of the other content").isEmpty();
		String discovered = Fixity.sha256(work.resolve("untouched-source.tif"));
		String memoKey = Store.sha256("v" + DossierOcrProcessor.OUTPUT_VERSION + "\neng\n" + discovered);
		Path memo = work.resolve("store").resolve("documents").resolve(memoKey.substring(0, 2))
			.resolve(memoKey + ".json");
		assertThat(!Files.exists(memo) || !Files.readString(memo).contains("duck"))
			.as("no OCR record of the other content under the hash discovered").isTrue();
		assertThat(this.jdbc.sql("select status from dossier where delivery_id = :delivery")
			.param("delivery", deliveryId).query(String.class).single()).as("its only file is not registered")
			.isEqualTo("quarantined");

		// and an untouched copy of the delivery is read as it is, not from a poisoned cache
		Path copy = work.resolve("untouched");
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", copy.resolve("1987-0456"));
		this.runner.ingest(copy, null, true);
		long copyId = this.register.findDelivery(copy).orElseThrow();
		assertThat(pageTexts(copyId)).singleElement().asString().contains("12 point").doesNotContain("duck");

		// and the replaced file, once stable, is read on the next ingest of its delivery
		this.runner.ingest(delivery, null, true);
		assertThat(pageTexts(deliveryId)).singleElement().asString().contains("duck");
		assertThat(this.jdbc.sql("select count(*) from quarantine where delivery_id = :delivery")
			.param("delivery", deliveryId).query(Integer.class).single()).isZero();
	}

	@Test
	void aFileDeletedAfterDiscoveryIsReportedMissingAndLeavesNothingInTheRegister() throws Exception {
		// given a dossier of two files, both discovered
		Path delivery = work.resolve("deleted");
		Path kept = TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", delivery.resolve("BV-88-214"));
		Path gone = TestDeliveries.copy("real-scans/tesseract-test/eurotext.tif", delivery.resolve("BV-88-214"));
		long deliveryId = discover(delivery, "BV-88-214", kept, gone);

		// when one is deleted before its pages are read
		Files.delete(gone);
		readAndWrite(deliveryId);

		// then it is reported missing, and only what is on disk is in the register
		assertThat(this.jdbc.sql("select path || ' ' || reason_code from quarantine where delivery_id = :delivery")
			.param("delivery", deliveryId).query(String.class).list())
			.containsExactly("BV-88-214/eurotext.tif missing");
		assertThat(this.jdbc.sql("""
				select doc.path from document doc join dossier d on d.id = doc.dossier_id
				where d.delivery_id = :delivery""").param("delivery", deliveryId).query(String.class).list())
			.containsExactly("phototest.tif");
		assertThat(pageTexts(deliveryId)).singleElement().asString().contains("12 point");
		assertThat(this.jdbc.sql("""
				select count(*) from dossier_issue i join dossier d on d.id = i.dossier_id
				where d.delivery_id = :delivery and i.code = 'file-quarantined' and i.message like '%missing%'""")
			.param("delivery", deliveryId).query(Integer.class).single()).isOne();
	}

	@Test
	void aRegisteredFileDeletedFromTheDeliveryLeavesTheRegisterWithItsPagesAtTheNextIngest() throws Exception {
		// given a dossier of two files, registered
		Path delivery = work.resolve("shrunk");
		TestDeliveries.copy("real-scans/tesseract-test/phototest.tif", delivery.resolve("SV-1972-113"));
		Path gone = TestDeliveries.copy("real-scans/tesseract-test/eurotext.tif", delivery.resolve("SV-1972-113"));
		this.runner.ingest(delivery, null, true);
		long deliveryId = this.register.findDelivery(delivery).orElseThrow();
		assertThat(pageTexts(deliveryId)).hasSize(2);

		// when one of its files is deleted and the delivery ingested again
		Files.delete(gone);
		this.runner.ingest(delivery, null, true);

		// then only the file on disk has pages in the register, and the other is reported missing
		assertThat(pageTexts(deliveryId)).singleElement().asString().contains("12 point");
		assertThat(this.jdbc.sql("select path || ' ' || reason_code from quarantine where delivery_id = :delivery")
			.param("delivery", deliveryId).query(String.class).list())
			.containsExactly("SV-1972-113/eurotext.tif missing");
	}

	/** What the discover step records for the files of one dossier folder: their size, time and hash now. */
	private long discover(Path delivery, String folder, Path... files) throws Exception {
		long deliveryId = this.register.recordDelivery(delivery);
		long dossierId = this.register.recordDossier(deliveryId, folder);
		for (Path file : files) {
			String sha256;
			try (FileSnapshot snapshot = FileSnapshot.take(file, work.resolve("hashing"))) {
				sha256 = snapshot.sha256();
			}
			Instant modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.MICROS);
			this.register.recordDocument(dossierId, file.getFileName().toString(), Files.size(file), modified, sha256,
					"image/tiff", 1, "pending");
		}
		this.register.setDossierStatus(dossierId, be.permitarchive.dossier.DossierStatus.PENDING);
		return deliveryId;
	}

	/** What the ocr step does with the delivery's pending dossiers: read, then register. */
	private ProcessedDossier readAndWrite(long deliveryId) throws Exception {
		PendingDossier pending = this.register.pendingDossiers(deliveryId).get(0);
		ProcessedDossier processed = this.processor.process(pending);
		this.register.write(processed, deliveryId, pending.folder() + "/");
		return processed;
	}

	private List<String> pageTexts(long deliveryId) {
		return this.jdbc.sql("""
				select p.text from page p join document doc on doc.id = p.document_id
				join dossier d on d.id = doc.dossier_id where d.delivery_id = :delivery""")
			.param("delivery", deliveryId).query(String.class).list();
	}

}
