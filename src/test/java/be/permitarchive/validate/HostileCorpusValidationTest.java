package be.permitarchive.validate;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation over the whole hostile corpus: no exception, no hang, memory bounded (the surefire JVM has 2 GB), and
 * every file of the corpus gets a finding with the rule it was built to trigger.
 */
class HostileCorpusValidationTest {

	@TempDir
	static Path work;

	static Map<String, String> expected;

	static Path delivery;

	@BeforeAll
	static void generate() throws Exception {
		delivery = Files.createDirectories(work.resolve("hostile"));
		expected = HostileCorpus.delivery(delivery);
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void everyHostileFileGetsItsFindingWithoutCrashHangOrMemoryBlowUp() throws Exception {
		// given
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
		System.gc(); // what earlier tests in this JVM left behind is not the validator's
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);

		// when
		ValidationReport report = new DeliveryValidator().validate(delivery,
				ValidationOptions.defaults().withOcrSamplePages(2));

		// then
		assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
		expected.forEach((file, rule) -> assertThat(report.findings())
			.as("finding %s on %s", rule, file)
			.anyMatch((f) -> file.equals(f.file()) && rule.equals(f.rule())));
		long peak = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		assertThat(peak).as("peak heap").isLessThan(1_500_000_000L);
	}

	@Test
	void theCorpusListsEveryFileItHolds() throws Exception {
		try (Stream<Path> walk = Files.walk(delivery)) {
			List<String> files = walk.filter((p) -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
				.map((p) -> printable(delivery.relativize(p).toString()))
				.toList();
			assertThat(files).containsExactlyInAnyOrderElementsOf(expected.keySet());
		}
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void aBagManifestPointingOutOfTheBagIsRejected() throws Exception {
		Path bag = HostileCorpus.traversalBag(Files.createDirectories(work.resolve("traversal")));

		ValidationReport report = new DeliveryValidator().validate(bag, ValidationOptions.defaults()
			.withOcrSamplePages(0));

		assertThat(report.bag()).isTrue();
		assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
		assertThat(report.findings()).anyMatch((f) -> f.rule().equals("package.path-escape"));
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void anAbsurdFileCountStopsTheValidationEarly() throws Exception {
		ValidationReport report = new DeliveryValidator().validate(delivery,
				ValidationOptions.defaults().withMaxFiles(3));

		assertThat(report.findings()).extracting(Finding::rule).contains("package.too-many-files");
		assertThat(report.findings()).noneMatch((f) -> f.rule().startsWith("file.decompression"));
	}

	private static String printable(String name) {
		StringBuilder out = new StringBuilder();
		name.codePoints().forEach((c) -> out.appendCodePoint((c == 0xFFFD || Character.isISOControl(c)) ? '?' : c));
		return out.toString();
	}

}
