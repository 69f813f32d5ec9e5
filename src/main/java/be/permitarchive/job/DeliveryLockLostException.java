package be.permitarchive.job;

import java.nio.file.Path;

/**
 * The run lost its delivery's lock while it ran (the register ended the session that held it): it stopped, and
 * wrote nothing after it noticed; another process may be running the delivery now.
 */
public class DeliveryLockLostException extends RuntimeException {

	private final Path delivery;

	private final Long executionId;

	/** A chunk refused: the lock on the delivery with this id is no longer held by this process. */
	DeliveryLockLostException(long deliveryId) {
		super("the lock on delivery " + deliveryId + " is lost: the chunk is not written");
		this.delivery = null;
		this.executionId = null;
	}

	/** The run on {@code delivery} stopped on a lost lock; {@code executionId} null when no execution had started. */
	DeliveryLockLostException(Path delivery, Long executionId) {
		super("the run on " + delivery + ((executionId != null) ? " (execution " + executionId + ")" : "")
				+ " lost its lock on the delivery and stopped");
		this.delivery = delivery;
		this.executionId = executionId;
	}

	public Path delivery() {
		return this.delivery;
	}

	/** The execution that stopped, null when none had started. */
	public Long executionId() {
		return this.executionId;
	}

}
