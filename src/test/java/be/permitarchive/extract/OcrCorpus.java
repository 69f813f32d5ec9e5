package be.permitarchive.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import be.permitarchive.dossier.PageKind;
import be.permitarchive.ocr.PageClassifier;
import be.permitarchive.ocr.RecognizedPage;
import be.permitarchive.ocr.Word;
import be.permitarchive.ocr.internal.Tess4jOcrEngine;
import be.permitarchive.page.PageLimits;
import be.permitarchive.page.PageSource;
import be.permitarchive.page.PageSources;
import be.permitarchive.page.SourcePage;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page texts of a delivery as the pipeline would read them: text layers as they are, scanned pages classified
 * and, unless blank or a photo, OCR'd with Tesseract ({@code nld}), one engine per thread. Results are cached under
 * {@code target/ocr-cache/} by file checksum, so rerunning the quality test only re-runs extraction.
 */
final class OcrCorpus {

	private static final Path CACHE = Path.of("target/ocr-cache");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A cached page: PageText is not a bean, so it is stored field by field. */
	record CachedPage(String document, int pageIndex, String text, List<Word> words, boolean ocr) {
	}

	private OcrCorpus() {
	}

	/** Folder name -> pages of that dossier, for every dossier folder of the delivery. */
	static Map<String, List<PageText>> read(Path delivery, int threads) throws Exception {
		List<Path> folders;
		try (Stream<Path> list = Files.list(delivery)) {
			folders = list.filter(Files::isDirectory).sorted().toList();
		}
		List<Path> files = new ArrayList<>();
		for (Path folder : folders) {
			try (Stream<Path> list = Files.list(folder)) {
				list.filter(Files::isRegularFile).sorted().forEach(files::add);
			}
		}
		ConcurrentLinkedQueue<Tess4jOcrEngine> engines = new ConcurrentLinkedQueue<>();
		ThreadLocal<Tess4jOcrEngine> engine = ThreadLocal.withInitial(() -> {
			Tess4jOcrEngine created = new Tess4jOcrEngine("nld", null, 120_000, 5f);
			engines.add(created);
			return created;
		});
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		Map<String, List<PageText>> dossiers = new TreeMap<>();
		try {
			List<Future<List<PageText>>> results = new ArrayList<>();
			for (Path file : files) {
				results.add(pool.submit(() -> pages(file, engine)));
			}
			for (int i = 0; i < files.size(); i++) {
				dossiers.computeIfAbsent(files.get(i).getParent().getFileName().toString(), k -> new ArrayList<>())
					.addAll(results.get(i).get());
			}
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
			engines.forEach(Tess4jOcrEngine::close);
		}
		return dossiers;
	}

	private static List<PageText> pages(Path file, ThreadLocal<Tess4jOcrEngine> engine) throws Exception {
		Path cached = CACHE.resolve(sha256(file) + ".json");
		if (Files.exists(cached)) {
			List<CachedPage> pages = JSON.readValue(cached.toFile(), new TypeReference<List<CachedPage>>() {
			});
			return pages.stream().map(p -> new PageText(p.document(), p.pageIndex(), p.text(), p.words(), p.ocr()))
				.toList();
		}
		List<CachedPage> pages = new ArrayList<>();
		String document = file.getFileName().toString();
		try (PageSource source = PageSources.open(file, mediaType(file), PageLimits.defaults())) {
			for (int i = 0; i < source.pageCount(); i++) {
				SourcePage page = source.page(i);
				if (page.hasTextLayer()) {
					pages.add(new CachedPage(document, i, page.textLayer(),
							page.textLayerWords() == null ? List.of() : page.textLayerWords(), false));
					continue;
				}
				int dpi = page.dpi() > 0 ? page.dpi() : 300;
				PageClassifier.Classification classification = PageClassifier.classify(page.image(), dpi);
				if (classification.kind() == PageKind.BLANK) {
					continue;
				}
				RecognizedPage recognized = engine.get().recognize(page.image(), dpi);
				if (classification.kind() == PageKind.PHOTO && recognized.text().strip().length() > 200) {
					// the pipeline skips photos by default (ocr.skip-photos); noisy text scans land here too
					System.err.printf("%s page %d classified as %s but holds %d characters of text%n", file, i,
							classification.reason(), recognized.text().strip().length());
				}
				pages.add(new CachedPage(document, i, recognized.text(), recognized.words(), true));
			}
		}
		Files.createDirectories(CACHE);
		JSON.writeValue(cached.toFile(), pages);
		return pages.stream().map(p -> new PageText(p.document(), p.pageIndex(), p.text(), p.words(), p.ocr())).toList();
	}

	static String mediaType(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".pdf")) {
			return PageSources.PDF;
		}
		if (name.endsWith(".tif") || name.endsWith(".tiff")) {
			return "image/tiff";
		}
		if (name.endsWith(".png")) {
			return "image/png";
		}
		return "image/jpeg";
	}

	private static String sha256(Path file) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
