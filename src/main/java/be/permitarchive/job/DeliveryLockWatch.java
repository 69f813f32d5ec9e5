package be.permitarchive.job;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import be.permitarchive.register.internal.DeliveryLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps a run from going on without its delivery's lock. The lock lives in one session of the register; when that
 * session ends while the process lives (the backend terminated by an administrator, a broken connection, a
 * failover), another process may take the lock and resume the run, so this one must stop writing:
 * <ul>
 * <li>every {@link #EVERY} the lock is checked on its own connection; once it is lost, the run is stopped as
 * {@code archive stop} stops it ({@link JobStopper#stopDelivery}), and no run on the delivery starts;</li>
 * <li>every chunk of the ocr step asks, in its own transaction before it writes ({@link #checkHeld}), whether the
 * lock's session still holds the lock, and fails without writing when it does not: the dossiers in flight when the
 * lock was lost are not registered by this process.</li>
 * </ul>
 */
@Component
public class DeliveryLockWatch {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLockWatch.class);

	/** How often the lock is checked: a lost lock stops the run within seconds. */
	static final Duration EVERY = Duration.ofSeconds(5);

	private final DataSource dataSource;

	private final JobStopper stopper;

	/** The locks this process holds now, by delivery id. */
	private final Map<Long, DeliveryLock> held = new ConcurrentHashMap<>();

	DeliveryLockWatch(DataSource dataSource, JobStopper stopper) {
		this.dataSource = dataSource;
		this.stopper = stopper;
	}

	/** Watches {@code lock} on {@code delivery} until the watch is closed, before the lock is released. */
	Watch watch(DeliveryLock lock, String delivery) {
		this.held.put(lock.deliveryId(), lock);
		return new Watch(lock, delivery);
	}

	/**
	 * Fails when this process took the lock on the delivery and its session no longer holds it; asks in the
	 * caller's transaction. A delivery whose lock this process does not hold (a remote worker's partition: the
	 * partition lock guards it) is not checked.
	 * @throws DeliveryLockLostException when the lock was lost
	 */
	void checkHeld(long deliveryId) {
		DeliveryLock lock = this.held.get(deliveryId);
		if (lock != null && !lock.heldInTransaction(this.dataSource)) {
			throw new DeliveryLockLostException(deliveryId);
		}
	}

	/** The watch on one lock: checks it every {@link #EVERY} on a thread of its own. */
	final class Watch implements AutoCloseable {

		private final DeliveryLock lock;

		private final String delivery;

		private final ScheduledExecutorService timer;

		private volatile boolean lost;

		private volatile boolean closed;

		private Watch(DeliveryLock lock, String delivery) {
			this.lock = lock;
			this.delivery = delivery;
			this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "delivery-lock-watch");
				thread.setDaemon(true);
				return thread;
			});
			this.timer.scheduleWithFixedDelay(this::check, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
		}

		/** Whether the lock is lost: checked now, not only as of the last check. */
		boolean lost() {
			if (!this.lost && !this.lock.held()) {
				this.lost = true;
			}
			return this.lost;
		}

		private void check() {
			if (this.closed || this.lock.held() || this.closed) {
				return;
			}
			this.lost = true;
			log.warn("The lock on delivery {} is lost (the register ended the session that held it): stopping the run;"
					+ " it writes nothing more", this.delivery);
			this.timer.shutdown();
			try {
				DeliveryLockWatch.this.stopper.stopDelivery(this.delivery);
			}
			catch (RuntimeException ex) {
				// the register itself is gone: the run fails on its own, and the chunk check refuses its writes
				log.warn("The run on {} could not be asked to stop: {}", this.delivery, ex.toString());
			}
		}

		/** Ends the watch; a check under way ends first (within the lock's check timeout). */
		@Override
		public void close() {
			this.closed = true;
			this.timer.shutdownNow();
			try {
				this.timer.awaitTermination(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			DeliveryLockWatch.this.held.remove(this.lock.deliveryId(), this.lock);
			DeliveryLockWatch.this.stopper.forgetDelivery(this.delivery);
		}

	}

}
