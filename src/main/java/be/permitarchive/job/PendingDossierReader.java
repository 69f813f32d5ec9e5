package be.permitarchive.job;

import java.util.Iterator;
import java.util.List;

import be.permitarchive.register.PendingDossier;
import be.permitarchive.register.internal.JdbcRegister;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * The delivery's pending dossiers. Its state is the register itself: a dossier stops being pending when its chunk
 * commits, so a restarted step reads exactly the dossiers that were not finished.
 */
class PendingDossierReader implements ItemReader<PendingDossier> {

	private final JdbcRegister register;

	private final long deliveryId;

	private Iterator<PendingDossier> pending;

	PendingDossierReader(JdbcRegister register, long deliveryId) {
		this.register = register;
		this.deliveryId = deliveryId;
	}

	@Override
	public PendingDossier read() {
		if (this.pending == null) {
			List<PendingDossier> all = this.register.pendingDossiers(this.deliveryId);
			this.pending = all.iterator();
		}
		return this.pending.hasNext() ? this.pending.next() : null;
	}

}
