package be.permitarchive.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The development set's scoring rules in Java: a port of {@code jobs/score.py} (the scorer that came with the set, and
 * the definition of its figures), so that the suite test scores the register export exactly as
 * {@code jobs/bench-quality.sh} does. Change both or neither.
 * <ul>
 * <li>Single-valued fields ({@link #SCALARS}): a value counts as predicted when the export has one, as truth when the
 * truth has one, as correct when both have one and they are equal; the reference and the OMV number are compared
 * after {@link #norm} (so {@code BA.65.68} is {@code ba-65-68}), the others as written.</li>
 * <li>List fields ({@link #SETS}): per item, as sets: parcels on the CaPaKey as written, addresses on the normalised
 * street and house number (a site without a house number is the street with no number on both sides), applicants on
 * the normalised name.</li>
 * <li>A dossier is <em>automated</em> when the register registered it (no review flag) and every key field is right:
 * each key scalar the truth has ({@link #KEY_SCALARS}) is equal, and the parcels and the addresses are exactly the
 * truth's. A registered dossier with a key field wrong is a <em>silent error</em>: nobody is told to look at it.</li>
 * <li>A dossier of the truth missing from the export counts in every field's truth and in no automation.</li>
 * <li>Typed pages (kind text, not handwritten): the bag-of-words error (the share of the truth's words, with
 * repetition, that the reading lacks) and the character error rate, on the text squashed to single spaces.</li>
 * </ul>
 */
final class DevSetScorer {

	/** The single-valued fields, in the order score.py prints them. */
	static final List<String> SCALARS = List.of("reference", "omvNumber", "permitType", "decision", "decisionDate",
			"pageCount");

	/** The list fields, in the order score.py prints them. */
	static final List<String> SETS = List.of("parcels", "addresses", "applicants");

	/** The single-valued fields a dossier must have right (where the truth has them) to count as automated. */
	static final List<String> KEY_SCALARS = List.of("reference", "omvNumber", "permitType", "decision",
			"decisionDate");

	/** The list fields a dossier must have exactly right to count as automated. */
	static final List<String> KEY_SETS = List.of("parcels", "addresses");

	/** Compared after {@link #norm}: how the same number is written varies (dots, slashes, spaces, case). */
	private static final Set<String> NORMALISED = Set.of("reference", "omvNumber");

	private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DevSetScorer() {
	}

	/** The truth files of a folder (one JSON file per dossier folder), in file-name order. */
	static List<JsonNode> readTruth(Path truthDir) throws IOException {
		try (var files = Files.list(truthDir)) {
			List<JsonNode> truths = new ArrayList<>();
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
				truths.add(JSON.readTree(Files.readString(file)));
			}
			return truths;
		}
	}

	/** The records of a jsonl export by folder (a later line for the same folder wins, as in score.py). */
	static Map<String, JsonNode> readExport(String jsonl) {
		Map<String, JsonNode> records = new HashMap<>();
		jsonl.lines().map(String::strip).filter((line) -> !line.isEmpty()).forEach((line) -> {
			JsonNode record = JSON.readTree(line);
			records.put(py(record.get("folder")), record);
		});
		return records;
	}

	/** Scores the export against the truth, dossier by dossier of the truth. */
	static Score score(Map<String, JsonNode> export, List<JsonNode> truths) {
		Map<String, Field> fields = new LinkedHashMap<>();
		SCALARS.forEach((f) -> fields.put(f, new Field(0, 0, 0)));
		SETS.forEach((f) -> fields.put(f, new Field(0, 0, 0)));
		List<Dossier> dossiers = new ArrayList<>();
		for (JsonNode truth : truths) {
			String folder = py(truth.get("folder"));
			JsonNode record = export.get(folder);
			boolean missing = record == null;
			if (missing) {
				record = JSON.createObjectNode();
			}
			for (String f : SCALARS) {
				String want = key(f, truth.get(f));
				String got = key(f, record.get(f));
				boolean predicted = py(record.get(f)) != null;
				boolean expected = py(truth.get(f)) != null;
				boolean correct = predicted && expected && Objects.equals(want, got);
				fields.merge(f, new Field(correct ? 1 : 0, predicted ? 1 : 0, expected ? 1 : 0), Field::plus);
			}
			Map<String, Items> sets = sets(record, truth);
			sets.forEach((f, items) -> {
				Set<Object> both = new HashSet<>(items.predicted());
				both.retainAll(items.truth());
				fields.merge(f, new Field(both.size(), items.predicted().size(), items.truth().size()), Field::plus);
			});
			List<String> wrong = new ArrayList<>();
			for (String f : KEY_SCALARS) {
				if (py(truth.get(f)) == null) {
					continue; // the truth has none: whatever the register says is not a key error
				}
				boolean right = f.equals("reference") ? Objects.equals(norm(py(truth.get(f))), norm(py(record.get(f))))
						: pyStr(truth.get(f)).equals(pyStr(record.get(f)));
				if (!right) {
					wrong.add(f);
				}
			}
			for (String f : KEY_SETS) {
				if (!sets.get(f).predicted().equals(sets.get(f).truth())) {
					wrong.add(f);
				}
			}
			dossiers.add(new Dossier(folder, missing ? null : py(record.get("status")), wrong));
		}
		return new Score(fields, dossiers);
	}

	/** Each list field's predicted and true items of one dossier, nulls left out (score.py's {@code sets}). */
	private static Map<String, Items> sets(JsonNode record, JsonNode truth) {
		Map<String, Items> sets = new LinkedHashMap<>();
		Set<Object> predictedParcels = new HashSet<>();
		items(record, "parcels").forEach((p) -> {
			String capakey = py(p.get("capakey"));
			if (capakey != null && !capakey.isEmpty()) {
				predictedParcels.add(capakey);
			}
		});
		Set<Object> trueParcels = new HashSet<>();
		items(truth, "parcels").forEach((p) -> trueParcels.add(py(p.get("capakey"))));
		sets.put("parcels", new Items(predictedParcels, trueParcels));
		sets.put("addresses", new Items(addresses(record), addresses(truth)));
		sets.put("applicants", new Items(names(record), names(truth)));
		sets.values().forEach((items) -> {
			items.predicted().remove(null);
			items.truth().remove(null);
		});
		return sets;
	}

	private static Set<Object> addresses(JsonNode dossier) {
		Set<Object> addresses = new HashSet<>();
		items(dossier, "addresses").forEach((a) -> addresses
			.add(new StreetNumber(norm(py(a.get("street"))), norm(py(a.get("houseNumber"))))));
		return addresses;
	}

	private static Set<Object> names(JsonNode dossier) {
		Set<Object> names = new HashSet<>();
		items(dossier, "applicants").forEach((a) -> names.add(norm(py(a.get("name")))));
		return names;
	}

	private static List<JsonNode> items(JsonNode node, String field) {
		JsonNode list = node.get(field);
		return (list == null || list.isNull()) ? List.of() : list.valueStream().toList();
	}

	/**
	 * The typed pages of the truth read against {@code texts}: the bag-of-words error and the CER. A page the
	 * register does not have (its file quarantined, its dossier missing) reads as nothing.
	 */
	static TextScore typedPages(List<JsonNode> truths, PageTexts texts) {
		int pages = 0;
		long hit = 0;
		long words = 0;
		long edits = 0;
		long chars = 0;
		for (JsonNode truth : truths) {
			String folder = py(truth.get("folder"));
			for (JsonNode page : items(truth, "pages")) {
				if (!"text".equals(py(page.get("kind"))) || page.path("handwritten").asBoolean(false)) {
					continue;
				}
				String want = squash(py(page.get("text")));
				String read = texts.text(folder, py(page.get("file")), page.get("index").asInt());
				String got = squash(read);
				pages++;
				edits += got.isEmpty() ? want.length() : levenshtein(want, got);
				chars += want.length();
				Map<String, Integer> wanted = bag(want);
				Map<String, Integer> found = bag(got);
				for (Map.Entry<String, Integer> word : wanted.entrySet()) {
					hit += Math.min(word.getValue(), found.getOrDefault(word.getKey(), 0));
					words += word.getValue();
				}
			}
		}
		return new TextScore(pages, hit, words, edits, chars);
	}

	/** score.py's {@code norm}: compatibility-decomposed, ASCII only, lower case, letters and digits only. */
	static String norm(String value) {
		if (value == null) {
			return null;
		}
		String ascii = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "");
		String kept = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return kept.isEmpty() ? null : kept;
	}

	/** score.py's comparison key of a single-valued field: normalised, or the value as written. */
	private static String key(String field, JsonNode value) {
		return NORMALISED.contains(field) ? norm(py(value)) : py(value);
	}

	/** A JSON value as Python's {@code str} writes it; null for JSON null or no value. */
	static String py(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (value.isBoolean()) {
			return value.asBoolean() ? "True" : "False";
		}
		return value.isString() ? value.asString() : value.toString();
	}

	/** Python's {@code str(x)}, where {@code str(None)} is "None" (score.py's key-field comparison). */
	private static String pyStr(JsonNode value) {
		String text = py(value);
		return text == null ? "None" : text;
	}

	static String squash(String text) {
		return text == null ? "" : SPACE.matcher(text).replaceAll(" ").strip();
	}

	private static Map<String, Integer> bag(String text) {
		Map<String, Integer> bag = new HashMap<>();
		Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (word.find()) {
			bag.merge(word.group(), 1, Integer::sum);
		}
		return bag;
	}

	static int levenshtein(String a, String b) {
		if (a.length() < b.length()) {
			return levenshtein(b, a);
		}
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), substitution);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/** The text the register holds for one page of a dossier's file (index 1-based, as in the truth); null if none. */
	@FunctionalInterface
	interface PageTexts {

		String text(String folder, String file, int index);

	}

	/** One list field's items of one dossier: what the export has and what the truth has. */
	record Items(Set<Object> predicted, Set<Object> truth) {
	}

	/** An address as score.py compares it: normalised street and house number, either may be null. */
	record StreetNumber(String street, String houseNumber) {
	}

	/** One field's counts over the set. */
	record Field(int correct, int predicted, int truth) {

		/** Correct over predicted; 0 when nothing was predicted (as score.py prints it). */
		double precision() {
			return this.predicted == 0 ? 0.0 : (double) this.correct / this.predicted;
		}

		/** Correct over truth; 1 when the truth has nothing. */
		double recall() {
			return this.truth == 0 ? 1.0 : (double) this.correct / this.truth;
		}

		Field plus(Field other) {
			return new Field(this.correct + other.correct, this.predicted + other.predicted,
					this.truth + other.truth);
		}

	}

	/**
	 * One dossier of the truth as the register has it.
	 * @param status the export's status, null when the dossier is missing from the export
	 * @param wrongKeyFields the key fields that are not the truth's
	 */
	record Dossier(String folder, String status, List<String> wrongKeyFields) {

		boolean missing() {
			return this.status == null;
		}

		boolean automated() {
			return "registered".equals(this.status) && this.wrongKeyFields.isEmpty();
		}

		boolean silentError() {
			return "registered".equals(this.status) && !this.wrongKeyFields.isEmpty();
		}

	}

	/** The fields' counts and the dossiers of one scoring. */
	record Score(Map<String, Field> fields, List<Dossier> dossiers) {

		Field field(String name) {
			return this.fields.get(name);
		}

		long automated() {
			return this.dossiers.stream().filter(Dossier::automated).count();
		}

		long silentErrors() {
			return this.dossiers.stream().filter(Dossier::silentError).count();
		}

		double automation() {
			return this.dossiers.isEmpty() ? 0.0 : (double) automated() / this.dossiers.size();
		}

		List<String> missing() {
			return this.dossiers.stream().filter(Dossier::missing).map(Dossier::folder).toList();
		}

		long withStatus(String status) {
			return this.dossiers.stream().filter((d) -> status.equals(d.status())).count();
		}

	}

	/** The typed pages' reading: words of the truth found (with repetition) and edits over characters. */
	record TextScore(int pages, long wordsFound, long words, long edits, long characters) {

		double bagOfWordsError() {
			return this.words == 0 ? 1.0 : 1.0 - (double) this.wordsFound / this.words;
		}

		double characterErrorRate() {
			return this.characters == 0 ? 1.0 : (double) this.edits / this.characters;
		}

	}

}
