package be.permitarchive.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the ocr step's dossiers into {@code n} partitions by dossier id modulo {@code n}: partition {@code k} holds
 * the pending dossiers of the delivery whose id leaves {@code k}. A partition's execution context is those two
 * numbers, references only (no list of dossiers, no image), so it fits in a message when the partitions run in other
 * processes.
 * <p>
 * The split depends on {@code n} alone, not on what is pending when the step starts, so it is the same every time it
 * is made: Spring Batch keeps {@code n} in the ocr step's execution context and, on a restart, asks for the same
 * split again and runs only the partitions that did not complete, each with the context it had. Together the
 * partitions hold every dossier id exactly once, so no dossier is left out or read by two partitions; within a
 * partition the register is the reader's state (a dossier stops being pending once its chunk commits), so a
 * restarted partition reads exactly what it had not finished. Consecutive ids (one delivery's dossiers are numbered
 * as they are discovered) spread evenly: the partitions' dossier counts differ by one at most.
 */
final class DossierPartitioner implements Partitioner {

	static final String MODULUS = "dossierIdModulus";

	static final String REMAINDER = "dossierIdRemainder";

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		if (gridSize < 1) {
			throw new IllegalArgumentException("at least one partition is needed, not " + gridSize);
		}
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (int k = 0; k < gridSize; k++) {
			ExecutionContext share = new ExecutionContext();
			share.putInt(MODULUS, gridSize);
			share.putInt(REMAINDER, k);
			partitions.put(String.valueOf(k), share);
		}
		return partitions;
	}

}
