package be.permitarchive.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Optional;

import be.permitarchive.dossier.DossierStatus;
import be.permitarchive.dossier.QuarantineReason;
import be.permitarchive.dossier.Quarantined;
import be.permitarchive.ingest.DeliveryLayout;
import be.permitarchive.ingest.Manifest;
import be.permitarchive.ingest.DeliveryLayout.Delivery;
import be.permitarchive.ingest.DeliveryLayout.DossierFolder;
import be.permitarchive.ingest.internal.FileInspector;
import be.permitarchive.ingest.internal.FileInspector.Inspection;
import be.permitarchive.register.internal.JdbcRegister;
import be.permitarchive.register.internal.JdbcRegister.KnownDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Discovers a delivery: every dossier folder and every file in it, with its SHA-256 and real type, checked cheaply
 * (empty, unsupported, encrypted, corrupt files go to quarantine). One dossier per call, so each dossier is its own
 * transaction. A file seen before with the same size and modification time is not hashed again; a changed file puts
 * its dossier back to pending; an unchanged registered dossier stays as it is and is not OCR'd again.
 */
class DiscoverDeliveryTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(DiscoverDeliveryTasklet.class);

	private final Path deliveryDir;

	private final JdbcRegister register;

	private final FileInspector inspector = new FileInspector();

	private Delivery delivery;

	private long deliveryId;

	private Iterator<DossierFolder> remaining;

	private Manifest manifest;

	DiscoverDeliveryTasklet(Path deliveryDir, JdbcRegister register) {
		this.deliveryDir = deliveryDir;
		this.register = register;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		if (this.delivery == null) {
			this.delivery = DeliveryLayout.discover(this.deliveryDir);
			this.deliveryId = this.register.recordDelivery(this.delivery.root());
			for (Path loose : this.delivery.looseFiles()) {
				this.register.quarantine(this.deliveryId, null, loose.toString(), null, new Quarantined(
						QuarantineReason.OUTSIDE_DOSSIER, "the file is not inside a dossier folder"));
				contribution.incrementFilterCount(1);
			}
			this.manifest = Manifest.of(this.delivery.root());
			for (String problem : this.manifest.problems()) {
				this.register.deliveryIssue(this.deliveryId, "manifest-invalid", problem);
			}
			java.util.Set<String> folders = new java.util.HashSet<>();
			this.delivery.dossiers().forEach((d) -> folders.add(d.name()));
			for (String listed : this.manifest.entries().keySet()) {
				if (!folders.contains(listed)) {
					this.register.deliveryIssue(this.deliveryId, "manifest-folder-missing",
							"manifest.csv lists folder '" + listed + "', which is not in the delivery");
				}
			}
			this.remaining = this.delivery.dossiers().iterator();
			log.info("Delivery {}: {} dossier folders", this.delivery.root(), this.delivery.dossiers().size());
			return RepeatStatus.CONTINUABLE;
		}
		if (!this.remaining.hasNext()) {
			return RepeatStatus.FINISHED;
		}
		discover(this.remaining.next(), contribution);
		return RepeatStatus.continueIf(this.remaining.hasNext());
	}

	private void discover(DossierFolder folder, StepContribution contribution) throws IOException {
		long dossierId = this.register.recordDossier(this.deliveryId, folder.name());
		this.register.recordManifest(dossierId, this.manifest.entry(folder.name()).orElse(null));
		boolean changed = DossierStatus.PENDING.code().equals(this.register.dossierStatus(dossierId));
		int readable = 0;
		for (Path relative : folder.files()) {
			contribution.incrementReadCount();
			Path file = folder.dir().resolve(relative);
			String path = relative.toString();
			String deliveryPath = folder.name() + "/" + path;
			long size;
			Instant modified;
			try {
				size = Files.isSymbolicLink(file) ? 0 : Files.size(file);
				modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant()
					.truncatedTo(ChronoUnit.MICROS);
			}
			catch (java.nio.file.NoSuchFileException ex) {
				continue; // gone since the folder was listed: not part of the delivery (any more), see below
			}
			catch (IOException ex) {
				// a name the file system cannot give back, a file gone while reading: say so, lose nothing else
				this.register.quarantine(this.deliveryId, dossierId, deliveryPath, null,
						new Quarantined(QuarantineReason.UNREADABLE, "cannot be read: " + ex.getMessage()));
				contribution.incrementFilterCount(1);
				continue;
			}
			Optional<KnownDocument> known = this.register.findDocument(dossierId, path);
			if (known.isPresent() && known.get().size() == size && known.get().modified().equals(modified)) {
				readable += "quarantined".equals(known.get().status()) ? 0 : 1;
				continue;
			}
			Inspection inspection;
			try {
				inspection = this.inspector.inspect(file);
			}
			catch (IOException ex) {
				this.register.quarantine(this.deliveryId, dossierId, deliveryPath, null,
						new Quarantined(QuarantineReason.UNREADABLE, "cannot be read: " + ex.getMessage()));
				contribution.incrementFilterCount(1);
				continue;
			}
			if (known.isPresent() && known.get().sha256().equals(inspection.sha256())) {
				this.register.touchDocument(known.get().id(), modified); // touched, same content
				readable += "quarantined".equals(known.get().status()) ? 0 : 1;
				continue;
			}
			changed = true;
			String status = (inspection.quarantined() != null) ? "quarantined" : "pending";
			this.register.recordDocument(dossierId, path, size, modified, inspection.sha256(),
					inspection.mediaType(), inspection.pageCount(), status);
			if (inspection.quarantined() != null) {
				this.register.quarantine(this.deliveryId, dossierId, deliveryPath, inspection.sha256(),
						inspection.quarantined());
				contribution.incrementFilterCount(1);
			}
			else {
				this.register.releaseFromQuarantine(this.deliveryId, deliveryPath);
				readable++;
			}
		}
		// a file the register holds that is no longer in the folder: nothing that is not on disk stays registered
		for (java.util.Map.Entry<String, String> known : this.register.documentPaths(dossierId).entrySet()) {
			if (!Files.exists(folder.dir().resolve(known.getKey()), LinkOption.NOFOLLOW_LINKS)) {
				log.warn("Dossier {}: {} is no longer in the delivery: its pages are removed from the register",
						folder.name(), known.getKey());
				this.register.documentGone(this.deliveryId, dossierId, known.getKey(),
						folder.name() + "/" + known.getKey(), known.getValue(),
						"the file was registered, and is no longer in the delivery; its pages are removed");
				changed = true;
			}
		}
		if (changed) {
			this.register.setDossierStatus(dossierId, DossierStatus.PENDING);
		}
		contribution.incrementWriteCount(1);
		log.debug("Dossier {}: {} files, {} readable, {}", folder.name(), folder.files().size(), readable,
				changed ? "to OCR" : "unchanged");
	}

}
