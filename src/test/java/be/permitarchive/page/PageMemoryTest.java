package be.permitarchive.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap budget of pages decoded side by side: pages within it go together, a page larger than it waits until it
 * is alone, and what a source says a page needs covers what its decoded image holds.
 */
class PageMemoryTest {

	@Test
	void pagesWithinTheBudgetGoSideBySideAndALargerOneWaitsUntilAlone() throws Exception {
		// given
		PageMemory memory = new PageMemory(1000L << 20);
		PageMemory.Lease first = memory.lease(400L << 20);
		PageMemory.Lease second = memory.lease(500L << 20); // 900 of 1000: both held at once

		// when
		CompletableFuture<PageMemory.Lease> plan = CompletableFuture.supplyAsync(() -> {
			try {
				return memory.lease(3000L << 20); // larger than the whole budget
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});

		// then
		Thread.sleep(300);
		assertThat(plan).as("the plan waits while other pages hold memory").isNotDone();
		first.close();
		Thread.sleep(300);
		assertThat(plan).as("still one page in memory").isNotDone();
		second.close();
		PageMemory.Lease alone = plan.get(10, TimeUnit.SECONDS);
		CompletableFuture<PageMemory.Lease> next = CompletableFuture.supplyAsync(() -> {
			try {
				return memory.lease(1L << 20);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(300);
		assertThat(next).as("nothing goes beside the page that took the whole budget").isNotDone();
		alone.close();
		next.get(10, TimeUnit.SECONDS).close();
	}

	@Test
	void whatASourceSaysAPageNeedsCoversItsDecodedImage() throws IOException {
		// given every sample page: PNG, TIFF, JPEG, scanned and born-digital PDF
		List<Path> files;
		try (Stream<Path> walk = Files.walk(Path.of("sample-scans/delivery"))) {
			files = walk.filter((f) -> f.toString().matches(".*\\.(pdf|png|tif|jpg)$")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThan(8);
		int pages = 0;

		// when / then
		for (Path file : files) {
			String type = file.toString().endsWith(".pdf") ? PageSources.PDF
					: Files.probeContentType(file) != null ? Files.probeContentType(file) : "image/png";
			try (PageSource source = PageSources.open(file, type, PageLimits.defaults())) {
				for (int i = 0; i < source.pageCount(); i++) {
					long said = source.heapBytes(i);
					BufferedImage image = source.page(i).image();
					long holds = (long) image.getRaster().getDataBuffer().getSize()
							* DataBuffer.getDataTypeSize(image.getRaster().getDataBuffer().getDataType()) / 8;
					assertThat(said).as("%s page %d", file, i + 1).isGreaterThanOrEqualTo(holds);
					assertThat(said).as("%s page %d: not the worst case for every page", file, i + 1)
						.isLessThan(PageLimits.defaults().maxPixels() * 4);
					pages++;
				}
			}
		}
		assertThat(pages).isGreaterThan(15);
	}

	@Test
	void aPageOverThePixelBudgetIsCountedAtTheBudget(@TempDir Path dir) throws IOException {
		// given a bilevel scan of 90 Mpx (an A0 plan at 400 ppi is 250 Mpx): read subsampled to the budget
		Path file = dir.resolve("plan.png");
		ImageIO.write(new BufferedImage(12_000, 7_500, BufferedImage.TYPE_BYTE_BINARY), "png", file.toFile());
		PageLimits limits = PageLimits.defaults();

		// when
		long said;
		try (PageSource source = PageSources.open(file, "image/png", limits)) {
			said = source.heapBytes(0);
		}

		// then
		assertThat(said).isEqualTo(limits.maxPixels() * 4);
	}

}
