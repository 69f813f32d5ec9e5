package be.permitarchive.job;

import be.permitarchive.register.ProcessedDossier;
import be.permitarchive.register.internal.JdbcRegister;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes processed dossiers to the register, in the chunk's transaction (a few dossiers per chunk). */
class RegisterWriter implements ItemWriter<ProcessedDossier> {

	private final JdbcRegister register;

	private final long deliveryId;

	RegisterWriter(JdbcRegister register, long deliveryId) {
		this.register = register;
		this.deliveryId = deliveryId;
	}

	@Override
	public void write(Chunk<? extends ProcessedDossier> chunk) {
		for (ProcessedDossier dossier : chunk) {
			this.register.write(dossier, this.deliveryId, dossier.folder() + "/");
		}
	}

}
