package be.permitarchive.job;

import java.util.Iterator;

import be.permitarchive.register.internal.JdbcRegister;

import org.springframework.batch.infrastructure.item.ItemReader;

/** The delivery's registered dossiers whose metadata is not read yet (or was read before their last registration). */
class DossiersToExtractReader implements ItemReader<Long> {

	private final JdbcRegister register;

	private final long deliveryId;

	private Iterator<Long> remaining;

	DossiersToExtractReader(JdbcRegister register, long deliveryId) {
		this.register = register;
		this.deliveryId = deliveryId;
	}

	@Override
	public Long read() {
		if (this.remaining == null) {
			this.remaining = this.register.dossiersToExtract(this.deliveryId).iterator();
		}
		return this.remaining.hasNext() ? this.remaining.next() : null;
	}

}
