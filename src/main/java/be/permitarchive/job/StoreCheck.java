package be.permitarchive.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import be.permitarchive.dossier.DossierStatus;
import be.permitarchive.register.internal.JdbcRegister;
import be.permitarchive.register.internal.JdbcRegister.StoredDossier;
import be.permitarchive.store.Fixity;
import be.permitarchive.store.Store;
import be.permitarchive.store.StoredFile;

import org.springframework.stereotype.Component;

/**
 * Checks the store against the register: every registered dossier's outputs there, as recorded. A quick check
 * (existence and size: a stat per file) runs before every ingest of a delivery, so that what was deleted or cut short
 * is made again instead of trusted; a full check (the content's SHA-256 too) is {@code archive verify}.
 */
@Component
public class StoreCheck {

	private final JdbcRegister register;

	private final Store store;

	private final Fixity fixity;

	StoreCheck(JdbcRegister register, Store store) {
		this.register = register;
		this.store = store;
		this.fixity = new Fixity(store);
	}

	/**
	 * The dossiers whose outputs are not as the register recorded them, with what is wrong.
	 * @param deliveryId one delivery, or null for every delivery
	 * @param full whether to hash the content (slow: reads the whole store), or only check existence and size
	 */
	public List<Damaged> check(Long deliveryId, boolean full) {
		List<Damaged> damaged = new ArrayList<>();
		for (StoredDossier dossier : this.register.storedDossiers(deliveryId)) {
			Path dir = this.store.dossierDir(dossier.storeKey());
			String prefix = this.fixity.relative(dir) + "/";
			List<StoredFile> recorded = this.register.storeFiles(prefix);
			Set<String> problems = new LinkedHashSet<>(this.fixity.damage(recorded, full));
			if (recorded.stream().noneMatch((f) -> f.path().endsWith("/pages.json"))
					&& !Files.isRegularFile(dir.resolve("pages.json"))) {
				problems.add(prefix + "pages.json: missing");
			}
			if (dossier.searchablePdf() != null && !Files.isRegularFile(Path.of(dossier.searchablePdf()))) {
				problems.add(dossier.searchablePdf() + ": missing");
			}
			for (String alto : dossier.altoPaths()) {
				if (!Files.isRegularFile(Path.of(alto))) {
					problems.add(alto + ": missing");
				}
			}
			if (!problems.isEmpty()) {
				damaged.add(new Damaged(dossier, List.copyOf(problems), recorded.isEmpty()));
			}
		}
		return damaged;
	}

	/** Makes the damaged dossiers pending: the next ingest of their delivery makes their outputs again. */
	public void remake(List<Damaged> damaged) {
		for (Damaged dossier : damaged) {
			this.register.setDossierStatus(dossier.dossier().id(), DossierStatus.PENDING);
		}
	}

	/**
	 * A dossier whose outputs are damaged.
	 * @param unrecorded whether the register holds no checksums for it (written by an older version): only
	 * existence was checked
	 */
	public record Damaged(StoredDossier dossier, List<String> problems, boolean unrecorded) {
	}

}
