package be.permitarchive.ocr.internal;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import be.permitarchive.ocr.OcrEngine;
import be.permitarchive.ocr.PageImages;
import be.permitarchive.ocr.OcrException;
import be.permitarchive.ocr.OcrTimeoutException;
import be.permitarchive.ocr.OcrUnavailableException;
import be.permitarchive.ocr.RecognizedPage;
import be.permitarchive.ocr.Word;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import net.sourceforge.tess4j.ITessAPI.ETEXT_DESC;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tesseract through tess4j's direct C API mapping. One instance per thread, long-lived (creating one per page leaks
 * native memory, sharing one across threads crashes). Each page: recognition under a deadline (Tesseract's own
 * monitor); when that reading is poor, orientation detection with the {@code osd} model and a second reading of the
 * page turned upright; words with boxes and confidences, and ALTO XML.
 */
public final class Tess4jOcrEngine implements OcrEngine {

	private static final Logger log = LoggerFactory.getLogger(Tess4jOcrEngine.class);

	private static final String[] TESSDATA_CANDIDATES = { "/usr/share/tesseract-ocr/5/tessdata",
			"/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata" };

	/** A first reading with at least this many words ... */
	static final int UPRIGHT_MIN_WORDS = 8;

	/** ... and at least this mean word confidence is taken as upright, without an orientation check. */
	static final float UPRIGHT_MIN_CONFIDENCE = 70f;

	private final TessBaseAPI api;

	private final TessBaseAPI osd;

	private final String description;

	private final int timeoutMillis;

	private final float orientationConfidence;

	public Tess4jOcrEngine(String language, String tessdata, int timeoutMillis, float orientationConfidence) {
		String dataPath = resolveTessdata(tessdata, language);
		this.timeoutMillis = timeoutMillis;
		this.orientationConfidence = orientationConfidence;
		try {
			this.api = TessAPI1.TessBaseAPICreate();
			this.osd = TessAPI1.TessBaseAPICreate();
		}
		catch (UnsatisfiedLinkError ex) {
			throw new OcrUnavailableException("The Tesseract library (libtesseract) cannot be loaded: "
					+ ex.getMessage(), ex);
		}
		if (TessAPI1.TessBaseAPIInit3(this.api, dataPath, language) != 0) {
			close();
			throw new OcrUnavailableException("Tesseract cannot load language '" + language + "' from " + dataPath);
		}
		TessAPI1.TessBaseAPISetPageSegMode(this.api, TessPageSegMode.PSM_AUTO);
		TessAPI1.TessBaseAPISetVariable(this.api, "debug_file", "/dev/null");
		if (TessAPI1.TessBaseAPIInit3(this.osd, dataPath, "osd") != 0) {
			close();
			throw new OcrUnavailableException("Tesseract cannot load the orientation model 'osd' from " + dataPath);
		}
		TessAPI1.TessBaseAPISetPageSegMode(this.osd, TessPageSegMode.PSM_OSD_ONLY);
		TessAPI1.TessBaseAPISetVariable(this.osd, "debug_file", "/dev/null");
		this.description = "tesseract " + TessAPI1.TessVersion() + " " + language;
	}

	static String resolveTessdata(String configured, String language) {
		List<String> candidates = new ArrayList<>();
		if (configured != null && !configured.isBlank()) {
			candidates.add(configured);
		}
		String env = System.getenv("TESSDATA_PREFIX");
		if (env != null && !env.isBlank()) {
			candidates.add(env);
		}
		candidates.addAll(List.of(TESSDATA_CANDIDATES));
		String first = language.split("\\+")[0];
		for (String candidate : candidates) {
			if (Files.exists(Path.of(candidate, first + ".traineddata"))) {
				return candidate;
			}
		}
		throw new OcrUnavailableException("No Tesseract language data '" + first + ".traineddata' found in "
				+ candidates);
	}

	@Override
	public String description() {
		return this.description;
	}

	/**
	 * Reads the page as it lies; only when that reading is poor (few words, or a low mean confidence, as a page on its
	 * side or upside down gives) is its orientation detected and, when it is turned, the page read again upright and
	 * the better reading kept. Orientation detection costs about as much as recognition itself, and nearly every
	 * scanned page lies upright. The page's deadline covers all of it.
	 */
	@Override
	public RecognizedPage recognize(BufferedImage image, int dpi) throws OcrException {
		long begin = System.nanoTime();
		BufferedImage gray = PageImages.toGray(image);
		RecognizedPage asItLies = read(gray, dpi, 0, null, this.timeoutMillis);
		if (readsUpright(asItLies)) {
			log.debug("{}x{} at {} ppi: read upright in {} ms", gray.getWidth(), gray.getHeight(), dpi,
					millisSince(begin));
			return asItLies;
		}
		int rotation = detectRotation(gray, dpi);
		RecognizedPage best = asItLies;
		if (rotation != 0) {
			int left = this.timeoutMillis - (int) millisSince(begin);
			if (left <= 0) {
				throw new OcrTimeoutException("recognition stopped after " + millisSince(begin) + " ms (limit "
						+ this.timeoutMillis + " ms)");
			}
			RecognizedPage turned = read(PageImages.rotate(gray, rotation), dpi, rotation, null, left);
			best = (turned.meanConfidence() * turned.words().size() >= asItLies.meanConfidence()
					* asItLies.words().size()) ? turned : asItLies;
		}
		log.debug("{}x{} at {} ppi: orientation checked ({} degrees), read in {} ms", gray.getWidth(),
				gray.getHeight(), dpi, best.rotation(), millisSince(begin));
		return best;
	}

	@Override
	public RecognizedPage recognizeRegion(BufferedImage image, int dpi, Rectangle region) throws OcrException {
		long begin = System.nanoTime();
		BufferedImage gray = PageImages.toGray(image);
		Rectangle inside = region.intersection(new Rectangle(0, 0, gray.getWidth(), gray.getHeight()));
		if (inside.isEmpty()) {
			return RecognizedPage.empty();
		}
		RecognizedPage read = read(gray, dpi, 0, inside, this.timeoutMillis);
		log.debug("{}x{} region of a {}x{} page at {} ppi: read in {} ms", inside.width, inside.height,
				gray.getWidth(), gray.getHeight(), dpi, millisSince(begin));
		return read;
	}

	/**
	 * A reading that needs no orientation check: enough words, read with confidence. A page on its side or upside
	 * down gives few words or a low mean confidence (Tesseract reads it as noise).
	 */
	private static boolean readsUpright(RecognizedPage page) {
		return page.words().size() >= UPRIGHT_MIN_WORDS && page.meanConfidence() >= UPRIGHT_MIN_CONFIDENCE;
	}

	private RecognizedPage read(BufferedImage gray, int dpi, int rotation, Rectangle region, int timeoutMillis)
			throws OcrException {
		setImage(this.api, gray, dpi);
		if (region != null) {
			TessAPI1.TessBaseAPISetRectangle(this.api, region.x, region.y, region.width, region.height);
		}
		ETEXT_DESC monitor = TessAPI1.TessMonitorCreate();
		try {
			TessAPI1.TessMonitorSetDeadlineMSecs(monitor, timeoutMillis);
			long start = System.nanoTime();
			int status = TessAPI1.TessBaseAPIRecognize(this.api, monitor);
			long elapsedMillis = millisSince(start);
			if (elapsedMillis >= timeoutMillis) {
				throw new OcrTimeoutException("recognition stopped after " + elapsedMillis + " ms (limit "
						+ this.timeoutMillis + " ms)");
			}
			if (status != 0) {
				throw new OcrException("Tesseract could not recognise the page (status " + status + ")");
			}
			String text = utf8(TessAPI1.TessBaseAPIGetUTF8Text(this.api));
			List<Word> words = words();
			float meanConfidence = words.isEmpty() ? 0f : TessAPI1.TessBaseAPIMeanTextConf(this.api);
			String alto = Alto.document(utf8(TessAPI1.TessBaseAPIGetAltoText(this.api, 0)), this.description);
			return new RecognizedPage(text, words, meanConfidence, alto, rotation);
		}
		finally {
			TessAPI1.TessMonitorDelete(monitor);
			TessAPI1.TessBaseAPIClear(this.api);
		}
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	/** Clockwise degrees to turn the page upright, 0 when unsure. */
	private int detectRotation(BufferedImage gray, int dpi) {
		setImage(this.osd, gray, dpi);
		try {
			IntBuffer orientation = IntBuffer.allocate(1);
			FloatBuffer orientationConfidence = FloatBuffer.allocate(1);
			FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
			PointerByReference script = new PointerByReference();
			int ok = TessAPI1.TessBaseAPIDetectOrientationScript(this.osd, orientation, orientationConfidence, script,
					scriptConfidence);
			if (ok == 0 || orientationConfidence.get(0) < this.orientationConfidence) {
				return 0;
			}
			// Tesseract reports how far the page is turned clockwise; turning it back is the opposite rotation
			return Math.floorMod(360 - orientation.get(0), 360);
		}
		finally {
			TessAPI1.TessBaseAPIClear(this.osd);
		}
	}

	private static void setImage(TessBaseAPI handle, BufferedImage gray, int dpi) {
		byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
		ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
		buffer.put(pixels).flip();
		TessAPI1.TessBaseAPISetImage(handle, buffer, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
		if (dpi > 0) {
			TessAPI1.TessBaseAPISetSourceResolution(handle, dpi);
		}
	}

	private List<Word> words() {
		List<Word> words = new ArrayList<>();
		TessResultIterator iterator = TessAPI1.TessBaseAPIGetIterator(this.api);
		if (iterator == null) {
			return words;
		}
		try {
			TessPageIterator page = TessAPI1.TessResultIteratorGetPageIterator(iterator);
			TessAPI1.TessPageIteratorBegin(page);
			int level = TessPageIteratorLevel.RIL_WORD;
			do {
				String text = utf8(TessAPI1.TessResultIteratorGetUTF8Text(iterator, level));
				if (text.isBlank()) {
					continue;
				}
				IntBuffer left = IntBuffer.allocate(1);
				IntBuffer top = IntBuffer.allocate(1);
				IntBuffer right = IntBuffer.allocate(1);
				IntBuffer bottom = IntBuffer.allocate(1);
				TessAPI1.TessPageIteratorBoundingBox(page, level, left, top, right, bottom);
				float confidence = TessAPI1.TessResultIteratorConfidence(iterator, level);
				words.add(new Word(text.strip(), left.get(0), top.get(0), Math.max(0, right.get(0) - left.get(0)),
						Math.max(0, bottom.get(0) - top.get(0)), confidence));
			}
			while (TessAPI1.TessPageIteratorNext(page, level) == 1);
		}
		finally {
			TessAPI1.TessResultIteratorDelete(iterator);
		}
		return words;
	}

	private static String utf8(Pointer pointer) {
		if (pointer == null) {
			return "";
		}
		try {
			return pointer.getString(0, "UTF-8");
		}
		finally {
			TessAPI1.TessDeleteText(pointer);
		}
	}

	@Override
	public void close() {
		if (this.api != null) {
			TessAPI1.TessBaseAPIEnd(this.api);
			TessAPI1.TessBaseAPIDelete(this.api);
		}
		if (this.osd != null) {
			TessAPI1.TessBaseAPIEnd(this.osd);
			TessAPI1.TessBaseAPIDelete(this.osd);
		}
	}

}
