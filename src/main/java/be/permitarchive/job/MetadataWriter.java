package be.permitarchive.job;

import be.permitarchive.register.internal.JdbcRegister;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes the metadata read from dossiers to the register. */
class MetadataWriter implements ItemWriter<MetadataProcessor.Result> {

	private final JdbcRegister register;

	MetadataWriter(JdbcRegister register) {
		this.register = register;
	}

	@Override
	public void write(Chunk<? extends MetadataProcessor.Result> chunk) {
		for (MetadataProcessor.Result result : chunk) {
			this.register.writeMetadata(result.dossierId(), result.metadata());
		}
	}

}
