package be.permitarchive.quality;

import java.util.List;
import java.util.Map;

import be.permitarchive.quality.DevSetScorer.Field;
import be.permitarchive.quality.DevSetScorer.Score;
import be.permitarchive.quality.DevSetScorer.TextScore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The port of score.py's rules on small hand-made export and truth pairs; each expectation is what score.py gives
 * for the same pair.
 */
class DevSetScorerTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** A truth with every key field, one parcel, one address, one applicant. */
	static final String TRUTH = """
			{"folder": "A", "reference": "BA.65.68", "omvNumber": null, "permitType": "stedenbouwkundige-vergunning",
			 "decision": "verleend", "decisionDate": "1965-05-04", "pageCount": 3,
			 "parcels": [{"capakey": "12431B0461/00A000"}],
			 "addresses": [{"street": "Kerkstraat", "houseNumber": "12"}],
			 "applicants": [{"name": "Jan Peeters", "kind": "natural-person"}],
			 "pages": []}""";

	/** The export of TRUTH, every field right, written as the register may write it. */
	static final String RIGHT = """
			{"folder": "A", "status": "registered", "reference": "ba 65/68", "omvNumber": null,
			 "permitType": "stedenbouwkundige-vergunning", "decision": "verleend", "decisionDate": "1965-05-04",
			 "pageCount": 3, "parcels": [{"capakey": "12431B0461/00A000"}],
			 "addresses": [{"street": "KERKSTRAAT", "houseNumber": "12"}],
			 "applicants": [{"name": "jan  peeters"}]}""";

	/** Scores export records (written on one line each, as a jsonl export has them) against truths. */
	static Score score(List<String> export, String... truths) {
		List<String> lines = export.stream().map((record) -> JSON.readTree(record).toString()).toList();
		Map<String, JsonNode> records = DevSetScorer.readExport(String.join("\n", lines));
		return DevSetScorer.score(records, java.util.Arrays.stream(truths).map(JSON::readTree).toList());
	}

	static String with(String record, String field, String json) {
		var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(record);
		node.set(field, JSON.readTree(json));
		return node.toString();
	}

	@Nested
	class Fields {

		@Test
		void aDossierReadRightIsCorrectInEveryField() {
			// when
			Score score = score(List.of(RIGHT), TRUTH);

			// then
			assertThat(score.field("reference")).isEqualTo(new Field(1, 1, 1));
			assertThat(score.field("omvNumber")).as("neither side has one").isEqualTo(new Field(0, 0, 0));
			assertThat(score.field("decisionDate")).isEqualTo(new Field(1, 1, 1));
			assertThat(score.field("pageCount")).isEqualTo(new Field(1, 1, 1));
			assertThat(score.field("parcels")).isEqualTo(new Field(1, 1, 1));
			assertThat(score.field("addresses")).isEqualTo(new Field(1, 1, 1));
			assertThat(score.field("applicants")).isEqualTo(new Field(1, 1, 1));
			assertThat(score.field("omvNumber").precision()).as("nothing predicted prints 0.00").isZero();
			assertThat(score.field("omvNumber").recall()).as("nothing to find").isEqualTo(1.0);
		}

		@Test
		void referencesAndOmvNumbersCompareWithoutPunctuationCaseOrAccentsTheOtherFieldsAsWritten() {
			assertThat(DevSetScorer.norm("OV/2023/0497")).isEqualTo(DevSetScorer.norm("ov 2023.0497"));
			assertThat(DevSetScorer.norm("Bréé-straat")).isEqualTo("breestraat");
			assertThat(DevSetScorer.norm(" / - ")).isNull();

			// a decision date written otherwise is wrong: only reference and omvNumber are normalised
			Score score = score(List.of(with(RIGHT, "decisionDate", "\"04/05/1965\"")), TRUTH);
			assertThat(score.field("decisionDate")).isEqualTo(new Field(0, 1, 1));
		}

		@Test
		void aWrongValueCountsAsPredictedAndAMissingOneOnlyAsTruth() {
			// when
			Score score = score(List.of(with(with(RIGHT, "reference", "\"75-042\""), "decision", "null")), TRUTH);

			// then
			assertThat(score.field("reference")).isEqualTo(new Field(0, 1, 1));
			assertThat(score.field("decision")).isEqualTo(new Field(0, 0, 1));
			assertThat(score.field("reference").precision()).isZero();
			assertThat(score.field("decision").recall()).isZero();
		}

		@Test
		void listFieldsCountPerItem() {
			// given: one parcel right, one invented; the true second parcel missed
			String truth = with(TRUTH, "parcels", "[{\"capakey\": \"12431B0461/00A000\"}, {\"capakey\": \"12431B0462/00B000\"}]");
			String record = with(RIGHT, "parcels", "[{\"capakey\": \"12431B0461/00A000\"}, {\"capakey\": \"12431B0999/00A000\"}, {\"capakey\": null}]");

			// when
			Score score = score(List.of(record), truth);

			// then: the null CaPaKey is no prediction
			assertThat(score.field("parcels")).isEqualTo(new Field(1, 2, 2));
		}

		@Test
		void anAddressWithoutHouseNumberMatchesTheStreetWithNoNumberAndNotAStreetWithOne() {
			// given: a subdivision site, no house number in the truth
			String truth = with(TRUTH, "addresses", "[{\"street\": \"Bremstraat\", \"houseNumber\": null}]");

			// when
			Score none = score(List.of(with(RIGHT, "addresses", "[{\"street\": \"Bremstraat\", \"houseNumber\": null}]")), truth);
			Score empty = score(List.of(with(RIGHT, "addresses", "[{\"street\": \"Bremstraat\", \"houseNumber\": \"\"}]")), truth);
			Score numbered = score(List.of(with(RIGHT, "addresses", "[{\"street\": \"Bremstraat\", \"houseNumber\": \"7\"}]")), truth);

			// then
			assertThat(none.field("addresses")).isEqualTo(new Field(1, 1, 1));
			assertThat(empty.field("addresses")).as("an empty number normalises to none").isEqualTo(new Field(1, 1, 1));
			assertThat(numbered.field("addresses")).isEqualTo(new Field(0, 1, 1));
			assertThat(numbered.dossiers().get(0).wrongKeyFields()).containsExactly("addresses");
		}

	}

	@Nested
	class AutomationAndSilentErrors {

		@Test
		void aRegisteredDossierWithEveryKeyFieldRightIsAutomated() {
			Score score = score(List.of(RIGHT), TRUTH);
			assertThat(score.automated()).isEqualTo(1);
			assertThat(score.silentErrors()).isZero();
			assertThat(score.automation()).isEqualTo(1.0);
		}

		@Test
		void aRegisteredDossierWithAWrongKeyFieldIsASilentError() {
			// given: registered, no review flag, the architect's number taken as the reference
			String record = with(RIGHT, "reference", "\"75-042\"");

			// when
			Score score = score(List.of(record), TRUTH);

			// then
			assertThat(score.automated()).isZero();
			assertThat(score.silentErrors()).isEqualTo(1);
			assertThat(score.dossiers().get(0).wrongKeyFields()).containsExactly("reference");
		}

		@Test
		void aRegisteredDossierWithAnExtraParcelOrAMissingDecisionIsASilentError() {
			String extraParcel = with(RIGHT, "parcels", "[{\"capakey\": \"12431B0461/00A000\"}, {\"capakey\": \"12431B0462/00B000\"}]");
			String noDecision = with(RIGHT, "decision", "null");
			assertThat(score(List.of(extraParcel), TRUTH).dossiers().get(0).wrongKeyFields()).containsExactly("parcels");
			assertThat(score(List.of(noDecision), TRUTH).dossiers().get(0).wrongKeyFields()).containsExactly("decision");
			assertThat(score(List.of(noDecision), TRUTH).silentErrors()).isEqualTo(1);
		}

		@Test
		void theSameWrongFieldUnderReviewIsNeitherAutomatedNorSilent() {
			Score score = score(List.of(with(with(RIGHT, "reference", "\"75-042\""), "status", "\"needs-review\"")), TRUTH);
			assertThat(score.automated()).isZero();
			assertThat(score.silentErrors()).isZero();
			assertThat(score.withStatus("needs-review")).isEqualTo(1);
		}

		@Test
		void aKeyFieldTheTruthDoesNotHaveIsNotChecked() {
			// given: the truth has no OMV number (before 2018), the register reads one anyway
			String record = with(RIGHT, "omvNumber", "\"2019012345\"");

			// when
			Score score = score(List.of(record), TRUTH);

			// then: it costs precision, not automation
			assertThat(score.field("omvNumber")).isEqualTo(new Field(0, 1, 0));
			assertThat(score.automated()).isEqualTo(1);
		}

		@Test
		void applicantsAreScoredButAreNoKeyField() {
			Score score = score(List.of(with(RIGHT, "applicants", "[]")), TRUTH);
			assertThat(score.field("applicants")).isEqualTo(new Field(0, 0, 1));
			assertThat(score.automated()).isEqualTo(1);
		}

		@Test
		void aDossierMissingFromTheExportCountsInTheTruthAndInNoAutomation() {
			// given: two dossiers in the truth, one in the export
			String second = with(TRUTH, "folder", "\"B\"");

			// when
			Score score = score(List.of(RIGHT), TRUTH, second);

			// then
			assertThat(score.missing()).containsExactly("B");
			assertThat(score.field("reference")).isEqualTo(new Field(1, 1, 2));
			assertThat(score.field("parcels")).isEqualTo(new Field(1, 1, 2));
			assertThat(score.automated()).isEqualTo(1);
			assertThat(score.silentErrors()).isZero();
			assertThat(score.automation()).isEqualTo(0.5);
		}

		@Test
		void exportedDossiersTheTruthDoesNotKnowAreLeftOut() {
			Score score = score(List.of(RIGHT, with(RIGHT, "folder", "\"other\"")), TRUTH);
			assertThat(score.dossiers()).hasSize(1);
			assertThat(score.field("reference")).isEqualTo(new Field(1, 1, 1));
		}

	}

	@Nested
	class TypedPages {

		static final String PAGES = """
				{"folder": "A", "pages": [
				 {"file": "a.tif", "index": 1, "kind": "text", "text": "Het college  verleent\\nde vergunning de"},
				 {"file": "a.tif", "index": 2, "kind": "text", "handwritten": true, "text": "nota"},
				 {"file": "a.tif", "index": 3, "kind": "plan", "text": "GRONDPLAN"},
				 {"file": "b.tif", "index": 1, "kind": "text", "text": "Geweigerd"}]}""";

		@Test
		void theBagOfWordsErrorIsTheShareOfTheTruthsWordsNotReadCountedWithRepetition() {
			// given: page 1 read with one "de" of two and a word too many; b.tif not in the register (quarantined)
			DevSetScorer.PageTexts texts = (folder, file, index) -> file.equals("a.tif") && index == 1
					? "het College verleent de vergunning extra" : null;

			// when
			TextScore score = DevSetScorer.typedPages(List.of(JSON.readTree(PAGES)), texts);

			// then: 7 words of the truth on the two typed pages, 5 found; the handwritten page and the plan are not scored
			assertThat(score.pages()).isEqualTo(2);
			assertThat(score.words()).isEqualTo(7);
			assertThat(score.wordsFound()).isEqualTo(5);
			assertThat(score.bagOfWordsError()).isCloseTo(2.0 / 7, within(1e-9));
			String truth = "Het college verleent de vergunning de";
			String read = "het College verleent de vergunning extra";
			assertThat(score.characterErrorRate()).isCloseTo(
					(DevSetScorer.levenshtein(truth, read) + "Geweigerd".length()) / (double) (truth.length() + 9),
					within(1e-9));
		}

		@Test
		void levenshteinIsTheEditDistance() {
			assertThat(DevSetScorer.levenshtein("kitten", "sitting")).isEqualTo(3);
			assertThat(DevSetScorer.levenshtein("", "abc")).isEqualTo(3);
			assertThat(DevSetScorer.squash("  a \n\t b  ")).isEqualTo("a b");
		}

	}

}
