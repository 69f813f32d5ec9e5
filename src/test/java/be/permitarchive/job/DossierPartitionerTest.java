package be.permitarchive.job;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DossierPartitionerTest {

	@Test
	void everyDossierIdFallsInExactlyOnePartition() {
		// when
		Map<String, ExecutionContext> partitions = new DossierPartitioner().partition(3);

		// then
		assertThat(partitions).containsOnlyKeys("0", "1", "2");
		partitions.forEach((name, share) -> {
			assertThat(share.getInt(DossierPartitioner.MODULUS)).isEqualTo(3);
			assertThat(share.getInt(DossierPartitioner.REMAINDER)).isEqualTo(Integer.parseInt(name));
		});
	}

	@Test
	void theSameSplitIsMadeAgainOnRestart() {
		// when
		Map<String, ExecutionContext> first = new DossierPartitioner().partition(4);
		Map<String, ExecutionContext> again = new DossierPartitioner().partition(4);

		// then
		assertThat(again).isEqualTo(first);
	}

	@Test
	void noPartitionsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DossierPartitioner().partition(0));
	}

}
