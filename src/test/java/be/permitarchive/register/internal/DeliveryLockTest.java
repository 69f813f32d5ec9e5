package be.permitarchive.register.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import be.permitarchive.support.TestRegister;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery lock on a real PostgreSQL: one key per delivery, and a lost lock is noticed. */
class DeliveryLockTest {

	static final String JOB = "ingest";

	static PGSimpleDataSource dataSource;

	@BeforeAll
	static void register() {
		dataSource = new PGSimpleDataSource();
		dataSource.setURL(TestRegister.newDatabase());
		Flyway.configure().dataSource(dataSource).load().migrate();
	}

	@Nested
	class Keys {

		@Test
		void twoDeliveriesWhosePathsHashAlikeAreLockedAtOnce() throws Exception {
			// given two deliveries whose "job:path" has the same String.hashCode ("Aa" and "BB")
			String first = "/inbox/levering-Aa";
			String second = "/inbox/levering-BB";
			assertThat((JOB + ":" + first).hashCode()).isEqualTo((JOB + ":" + second).hashCode());

			// when both are locked
			try (DeliveryLock a = DeliveryLock.tryLock(dataSource, JOB, first).orElseThrow();
					DeliveryLock b = DeliveryLock.tryLock(dataSource, JOB, second).orElseThrow()) {

				// then both locks are taken, and each delivery is reported as locked
				assertThat(a.held()).isTrue();
				assertThat(b.held()).isTrue();
				assertThat(DeliveryLock.locked(dataSource, JOB, List.of(first, second, "/inbox/other")))
					.containsExactlyInAnyOrder(first, second);
				assertThat(DeliveryLock.holder(dataSource, JOB, second).application()).contains("archive ingest pid");
			}
		}

		@Test
		void aDeliveryIsLockedOnceAndFreeAfterwards() throws Exception {
			// given a delivery locked by one session
			String delivery = "/inbox/once";
			try (DeliveryLock held = DeliveryLock.tryLock(dataSource, JOB, delivery).orElseThrow()) {

				// then another session cannot take it
				assertThat(DeliveryLock.tryLock(dataSource, JOB, delivery)).isEmpty();
			}

			// and once it is released, nobody holds it
			assertThat(DeliveryLock.locked(dataSource, JOB, List.of(delivery))).isEmpty();
			try (DeliveryLock again = DeliveryLock.tryLock(dataSource, JOB, delivery).orElseThrow()) {
				assertThat(again.held()).isTrue();
			}
		}

	}

	@Nested
	class Loss {

		@Test
		void aLockWhoseBackendIsTerminatedIsNoLongerHeldAndClosesQuietly() throws Exception {
			// given a held lock
			String delivery = "/inbox/terminated";
			DeliveryLock held = DeliveryLock.tryLock(dataSource, JOB, delivery).orElseThrow();
			assertThat(held.held()).isTrue();

			// when an administrator terminates its backend
			terminateHolderOf(held.deliveryId());

			// then the lock says it is lost, another process can take it, and releasing it does not fail
			assertThat(held.held()).isFalse();
			try (DeliveryLock other = DeliveryLock.tryLock(dataSource, JOB, delivery).orElseThrow()) {
				assertThat(other.held()).isTrue();
				held.close();
				assertThat(other.held()).isTrue();
			}
		}

	}

	static void terminateHolderOf(long deliveryId) throws SQLException {
		try (Connection connection = DriverManager.getConnection(dataSource.getURL());
				Statement statement = connection.createStatement()) {
			statement.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objsubid = 1"
					+ " and classid::bigint = " + DeliveryLock.NAMESPACE + " and objid::bigint = " + deliveryId
					+ " and database = (select oid from pg_database where datname = current_database())");
		}
	}

}
