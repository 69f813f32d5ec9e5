package be.permitarchive.job;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads what a register query lists when the step starts (the pending dossiers, those to extract, those to place on
 * the map). Its state is the register itself: an item stops being listed once its chunk commits, so a restarted step
 * reads exactly what was not finished.
 */
class RegisterQueryReader<T> implements ItemReader<T> {

	private final Supplier<List<T>> query;

	private Iterator<T> remaining;

	RegisterQueryReader(Supplier<List<T>> query) {
		this.query = query;
	}

	@Override
	public T read() {
		if (this.remaining == null) {
			this.remaining = this.query.get().iterator();
		}
		return this.remaining.hasNext() ? this.remaining.next() : null;
	}

}
