package be.permitarchive.job;

import java.util.function.LongConsumer;

import be.permitarchive.register.ProcessedDossier;
import be.permitarchive.register.internal.JdbcRegister;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes processed dossiers to the register, in the chunk's transaction (a few dossiers per chunk), after checking
 * in that transaction that the run still holds its delivery ({@link DeliveryLockWatch#checkHeld}).
 */
class RegisterWriter implements ItemWriter<ProcessedDossier> {

	private final JdbcRegister register;

	private final long deliveryId;

	private final LongConsumer checkHeld;

	RegisterWriter(JdbcRegister register, long deliveryId) {
		this(register, deliveryId, (id) -> {
		});
	}

	RegisterWriter(JdbcRegister register, long deliveryId, LongConsumer checkHeld) {
		this.register = register;
		this.deliveryId = deliveryId;
		this.checkHeld = checkHeld;
	}

	@Override
	public void write(Chunk<? extends ProcessedDossier> chunk) {
		this.checkHeld.accept(this.deliveryId);
		for (ProcessedDossier dossier : chunk) {
			this.register.write(dossier, this.deliveryId, dossier.folder() + "/");
		}
	}

}
