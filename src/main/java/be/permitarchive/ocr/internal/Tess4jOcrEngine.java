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
import net.sourceforge.tess4j.ITessAPI.TessWritingDirection;
import net.sourceforge.tess4j.TessAPI1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tesseract through tess4j's direct C API mapping. One instance per thread, long-lived (creating one per page leaks
 * native memory, sharing one across threads crashes). Each page: dark scanner borders painted over, recognition under
 * a deadline (Tesseract's own monitor); when that reading is poor, or read from text lying on its side, orientation
 * detection with the {@code osd} model and the page read again turned, and the reading that is worth most kept; words
 * with boxes and confidences, and ALTO XML.
 */
public final class Tess4jOcrEngine implements OcrEngine {

	private static final Logger log = LoggerFactory.getLogger(Tess4jOcrEngine.class);

	private static final String[] TESSDATA_CANDIDATES = { "/usr/share/tesseract-ocr/5/tessdata",
			"/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata" };

	/** A first reading with at least this many words ... */
	static final int UPRIGHT_MIN_WORDS = 8;

	/** ... at least this mean word confidence ... */
	static final float UPRIGHT_MIN_CONFIDENCE = 70f;

	/**
	 * ... and at least this share of words that read as words is taken as it is. A page read upside down or through
	 * a dark border gives few words, a low mean confidence or, when the confidence passes, mostly fragments (a faded
	 * page behind a black border: 24% of its words were words at a mean confidence of 70; upright pages 49-85%).
	 */
	static final double UPRIGHT_MIN_WORD_SHARE = 0.4;

	/** A word reads as a word with at least this confidence ... */
	static final float WORD_CONFIDENCE = 60f;

	/** ... and at least this many letters or digits. */
	static final int WORD_LENGTH = 3;

	/**
	 * Two readings whose worth differs by less than this many words, or this share of the larger, are equally
	 * good (or bad): which way up the page is then decided by the shape of its lines ({@link AscenderBalance}).
	 */
	static final int TIE_WORDS = 3;

	static final double TIE_SHARE = 0.1;

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
	 * Reads the page as it lies, dark borders painted over. Only when that reading is poor (few words, a low mean
	 * confidence or few words that are words, as a page on its side or upside down gives) or was read from text
	 * lying on its side is the page looked at again: its orientation detected and the page read turned that way; when
	 * orientation detection is unsure, turned half round (or both quarter turns for text on its side). The reading
	 * worth most is kept: the most words that read as words, a sideways reading counting half (the same text read
	 * upright is preferred, so that the access copy is upright and the rotation recorded). Orientation detection
	 * costs about as much as recognition, and nearly every scanned page lies upright and reads well: one reading.
	 * The page's deadline covers all of it; a turned reading that does not fit in it is left out.
	 */
	@Override
	public RecognizedPage recognize(BufferedImage image, int dpi) throws OcrException {
		long begin = System.nanoTime();
		BufferedImage gray = DarkBorders.painted(PageImages.toGray(image));
		Reading first = read(gray, dpi, 0, null, this.timeoutMillis);
		if (!first.poor() && !first.sideways()) {
			log.debug("{}x{} at {} ppi: read upright in {} ms", gray.getWidth(), gray.getHeight(), dpi,
					millisSince(begin));
			return first.page();
		}
		Orientation detected = detectOrientation(gray, dpi);
		Reading best = first;
		for (int turn : turnsToTry(first, detected)) {
			int left = this.timeoutMillis - (int) millisSince(begin);
			if (left <= 0) {
				break;
			}
			try {
				best = better(best, read(PageImages.rotate(gray, turn), dpi, turn, null, left), gray, dpi);
			}
			catch (OcrTimeoutException ex) {
				log.debug("reading the page turned {} degrees did not fit in its deadline", turn);
				break;
			}
		}
		log.debug("{}x{} at {} ppi: orientation {} ({}), kept {} degrees ({} of {} words read as words), read in {} ms",
				gray.getWidth(), gray.getHeight(), dpi, detected.rotation(), detected.sure() ? "sure" : "unsure",
				best.page().rotation(), best.wordLike(), best.page().words().size(), millisSince(begin));
		return best.page();
	}

	/**
	 * The clockwise turns to read the page at, after a poor first reading: the one orientation detection is sure
	 * of; when it is unsure, half round (an upside-down page is what a poor reading of an upright-looking page most
	 * often is), or, for text on its side, both quarter turns.
	 */
	static List<Integer> turnsToTry(Reading first, Orientation detected) {
		if (detected.sure() && detected.rotation() != 0) {
			return List.of(detected.rotation());
		}
		if (first.sideways()) {
			return List.of(270, 90);
		}
		return detected.sure() ? List.of() : List.of(180);
	}

	/**
	 * The reading worth more; two readings worth about the same that differ by a half turn are decided by the shape
	 * of the text lines (more ink above the x-height than below the baseline is upright), and when that says nothing
	 * either (a cover of capitals and rules), {@code a}, the earlier one, is kept.
	 */
	private static Reading better(Reading a, Reading b, BufferedImage gray, int dpi) {
		double difference = Math.abs(a.worth() - b.worth());
		if (difference >= TIE_WORDS && difference >= TIE_SHARE * Math.max(a.worth(), b.worth())) {
			return (b.worth() > a.worth()) ? b : a;
		}
		if (Math.floorMod(b.page().rotation() - a.page().rotation(), 360) == 180) {
			double balance = AscenderBalance.of(PageImages.rotate(gray, a.page().rotation()), dpi);
			if (Math.abs(balance) >= AscenderBalance.UNSURE) {
				return (balance > 0) ? a : b;
			}
		}
		return a; // nothing tells them apart: the page stays as it lies (or as orientation detection said)
	}

	@Override
	public RecognizedPage recognizeRegion(BufferedImage image, int dpi, Rectangle region) throws OcrException {
		long begin = System.nanoTime();
		BufferedImage gray = PageImages.toGray(image);
		Rectangle inside = region.intersection(new Rectangle(0, 0, gray.getWidth(), gray.getHeight()));
		if (inside.isEmpty()) {
			return RecognizedPage.empty();
		}
		RecognizedPage read = read(gray, dpi, 0, inside, this.timeoutMillis).page();
		log.debug("{}x{} region of a {}x{} page at {} ppi: read in {} ms", inside.width, inside.height,
				gray.getWidth(), gray.getHeight(), dpi, millisSince(begin));
		return read;
	}

	private Reading read(BufferedImage gray, int dpi, int rotation, Rectangle region, int timeoutMillis)
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
			List<Word> words = new ArrayList<>();
			int sideways = words(words);
			float meanConfidence = words.isEmpty() ? 0f : TessAPI1.TessBaseAPIMeanTextConf(this.api);
			String alto = Alto.document(utf8(TessAPI1.TessBaseAPIGetAltoText(this.api, 0)), this.description);
			return new Reading(new RecognizedPage(text, words, meanConfidence, alto, rotation),
					(int) words.stream().filter(Tess4jOcrEngine::readsAsWord).count(), 2 * sideways > words.size());
		}
		finally {
			TessAPI1.TessMonitorDelete(monitor);
			TessAPI1.TessBaseAPIClear(this.api);
		}
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	/** Which way to turn the page clockwise to make it upright, and whether the {@code osd} model is sure of it. */
	private Orientation detectOrientation(BufferedImage gray, int dpi) {
		setImage(this.osd, gray, dpi);
		try {
			IntBuffer orientation = IntBuffer.allocate(1);
			FloatBuffer orientationConfidence = FloatBuffer.allocate(1);
			FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
			PointerByReference script = new PointerByReference();
			int ok = TessAPI1.TessBaseAPIDetectOrientationScript(this.osd, orientation, orientationConfidence, script,
					scriptConfidence);
			if (ok == 0) {
				return new Orientation(0, false);
			}
			// Tesseract reports how far the page is turned clockwise; turning it back is the opposite rotation
			return new Orientation(Math.floorMod(360 - orientation.get(0), 360),
					orientationConfidence.get(0) >= this.orientationConfidence);
		}
		finally {
			TessAPI1.TessBaseAPIClear(this.osd);
		}
	}

	/** A word that reads as one: confident, and more than a fragment of letters or digits. */
	static boolean readsAsWord(Word word) {
		return word.confidence() >= WORD_CONFIDENCE
				&& word.text().codePoints().filter(Character::isLetterOrDigit).count() >= WORD_LENGTH;
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

	/**
	 * Adds the words of the last recognition to {@code words}.
	 * @return how many of them Tesseract read as vertical text, top to bottom: text lying on its side, which it
	 * reads in lines turned a quarter round
	 */
	private int words(List<Word> words) {
		int sideways = 0;
		TessResultIterator iterator = TessAPI1.TessBaseAPIGetIterator(this.api);
		if (iterator == null) {
			return 0;
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
				IntBuffer orientation = IntBuffer.allocate(1);
				IntBuffer direction = IntBuffer.allocate(1);
				IntBuffer lineOrder = IntBuffer.allocate(1);
				FloatBuffer deskew = FloatBuffer.allocate(1);
				TessAPI1.TessPageIteratorOrientation(page, orientation, direction, lineOrder, deskew);
				if (direction.get(0) == TessWritingDirection.WRITING_DIRECTION_TOP_TO_BOTTOM) {
					sideways++;
				}
				words.add(new Word(text.strip(), left.get(0), top.get(0), Math.max(0, right.get(0) - left.get(0)),
						Math.max(0, bottom.get(0) - top.get(0)), confidence));
			}
			while (TessAPI1.TessPageIteratorNext(page, level) == 1);
		}
		finally {
			TessAPI1.TessResultIteratorDelete(iterator);
		}
		return sideways;
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

	/**
	 * One reading of the page and what it is worth.
	 * @param wordLike how many of its words read as words ({@link #readsAsWord})
	 * @param sideways whether most of its words were read as vertical text
	 */
	record Reading(RecognizedPage page, int wordLike, boolean sideways) {

		/** Too little read, or read without confidence: the page may be turned, or not be text. */
		boolean poor() {
			int words = this.page.words().size();
			return words < UPRIGHT_MIN_WORDS || this.page.meanConfidence() < UPRIGHT_MIN_CONFIDENCE
					|| this.wordLike < UPRIGHT_MIN_WORD_SHARE * words;
		}

		/** The words that read as words; half as much when read from text on its side. */
		double worth() {
			return this.sideways ? this.wordLike / 2.0 : this.wordLike;
		}

	}

	/** What orientation detection says: the clockwise turn that makes the page upright, and whether it is sure. */
	record Orientation(int rotation, boolean sure) {
	}

}
