package be.permitarchive.store.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import be.permitarchive.ocr.Word;

/** Test helper: the words the real tesseract CLI reads on an image ({@code tesseract img - -l eng tsv}). */
final class TesseractTsv {

	private TesseractTsv() {
	}

	static List<Word> words(Path image) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("tesseract", image.toString(), "-", "-l", "eng", "tsv");
		builder.environment().put("OMP_THREAD_LIMIT", "1");
		builder.redirectError(ProcessBuilder.Redirect.DISCARD);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new IOException("cannot run tesseract: install it (apt-get install tesseract-ocr) to run this test", ex);
		}
		String tsv = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IOException("tesseract failed on " + image);
		}
		return parse(tsv);
	}

	/** Level-5 (word) rows: level page block par line word left top width height conf text. */
	static List<Word> parse(String tsv) {
		List<Word> words = new ArrayList<>();
		for (String line : tsv.split("\n")) {
			String[] columns = line.split("\t", -1);
			if (columns.length == 12 && columns[0].equals("5")) {
				words.add(new Word(columns[11], Integer.parseInt(columns[6]), Integer.parseInt(columns[7]),
						Integer.parseInt(columns[8]), Integer.parseInt(columns[9]), Float.parseFloat(columns[10])));
			}
		}
		return words;
	}

}
