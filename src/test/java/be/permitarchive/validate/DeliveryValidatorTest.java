package be.permitarchive.validate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import gov.loc.repository.bagit.creator.BagCreator;
import gov.loc.repository.bagit.domain.Metadata;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import be.permitarchive.ocr.internal.Tess4jOcrEngine;
import be.permitarchive.page.PageLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Each rule fires on its bad input, and the good sample delivery passes with warnings only. */
@Timeout(60)
class DeliveryValidatorTest {

	static final Path SAMPLES = Path.of("sample-scans/delivery");

	static final ValidationOptions NO_OCR = ValidationOptions.defaults().withOcrSamplePages(0);

	static final DeliveryValidator VALIDATOR = new DeliveryValidator();

	@TempDir
	Path work;

	@Nested
	class TheSampleDelivery {

		static ValidationReport report;

		@BeforeAll
		static void validateOnce() throws IOException {
			report = VALIDATOR.validate(SAMPLES, ValidationOptions.defaults().withOcrSamplePages(2));
		}

		@Test
		void isAcceptedWithWarningsOnly() {
			assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
			assertThat(report.findings()).allMatch((f) -> f.severity() == Severity.WARN);
			assertThat(report.dossiers()).isEqualTo(5);
			assertThat(report.pages()).isEqualTo(24);
			assertThat(report.pagesByDpi()).containsKey(300);
			assertThat(report.bag()).isFalse();
			assertThat(report.findings()).extracting(Finding::rule)
				.contains("package.not-a-bag")
				.doesNotContain("image.illegible", "file.corrupt", "image.resolution-too-low");
		}

		@Test
		void findsTheSkewedPageWithAThumbnail() throws IOException {
			// the sample's ground truth: 0002 page 5 is scanned 2.7 degrees askew
			Finding skew = report.findings()
				.stream()
				.filter((f) -> f.rule().equals("image.skewed"))
				.findFirst()
				.orElseThrow();
			assertThat(skew.dossier()).isEqualTo("0002_BV-91-214");
			assertThat(skew.page()).isEqualTo(5);
			assertThat(Double.parseDouble(skew.args().get(0))).isBetween(2.0, 3.5);
			BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(skew.thumbnailPng()));
			assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isLessThanOrEqualTo(200);
		}

		@Test
		void aBagOfTheSamplesVerifiesAndIsAcceptedWithoutPackagingFindings() throws Exception {
			Path bag = bagOfSamples(DeliveryValidatorTest.this.work.resolve("bag"), HostileCorpus.requiredTags());

			assertThatCode(() -> {
				try (BagVerifier verifier = new BagVerifier()) {
					verifier.isValid(new BagReader().read(bag), true);
				}
			}).doesNotThrowAnyException();
			ValidationReport bagged = VALIDATOR.validate(bag, NO_OCR);

			assertThat(bagged.bag()).isTrue();
			assertThat(bagged.verdict()).isEqualTo(Verdict.ACCEPTED);
			assertThat(bagged.dossiers()).isEqualTo(5);
			assertThat(bagged.findings()).noneMatch((f) -> f.rule().startsWith("package.")
					|| f.rule().startsWith("manifest."));
		}

	}

	@Nested
	class Packaging {

		@Test
		void missingBagInfoTagsAreEachRejected() throws Exception {
			Path bag = bagOfPages(DeliveryValidatorTest.this.work.resolve("bag"), new Metadata());

			ValidationReport report = VALIDATOR.validate(bag, NO_OCR);

			assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
			assertThat(report.findings()).filteredOn((f) -> f.rule().equals("package.tag-missing"))
				.extracting((f) -> f.args().get(0))
				.containsExactlyInAnyOrder("Batch-Id", "Contractor", "Municipality-NIS", "Framework-Contract");
		}

		@Test
		void aNisCodeThatIsNotFiveDigitsIsRejected() throws Exception {
			Metadata tags = HostileCorpus.requiredTags();
			tags.remove("Municipality-NIS");
			tags.add("Municipality-NIS", "Zandhoveke");

			ValidationReport report = VALIDATOR.validate(bagOfPages(DeliveryValidatorTest.this.work.resolve("bag"),
					tags), NO_OCR);

			assertThat(rules(report)).contains("package.tag-invalid").doesNotContain("package.tag-missing");
		}

		@Test
		void everyPayloadFileIsComparedWithTheManifest() throws Exception {
			Path bag = bagOfPages(DeliveryValidatorTest.this.work.resolve("bag"), HostileCorpus.requiredTags());
			Path dossier = bag.resolve("data/0001_a");
			TestPages.png(TestPages.text(100, 250, 10), 300, dossier.resolve("001.png")); // changed after bagging
			Files.delete(dossier.resolve("002.png"));
			TestPages.png(TestPages.text(100, 245, 10), 300, dossier.resolve("009.png"));

			ValidationReport report = VALIDATOR.validate(bag, NO_OCR);

			assertThat(report.findings()).anyMatch((f) -> f.rule().equals("package.checksum-mismatch")
					&& f.file().equals("0001_a/001.png"));
			assertThat(report.findings()).anyMatch((f) -> f.rule().equals("package.file-missing")
					&& f.file().equals("0001_a/002.png"));
			assertThat(report.findings()).anyMatch((f) -> f.rule().equals("package.file-not-in-manifest")
					&& f.file().equals("0001_a/009.png"));
		}

		@Test
		void aPlainFolderIsAWarningWhenLenientAndARejectionWhenStrict() throws Exception {
			Path plain = pages(DeliveryValidatorTest.this.work.resolve("plain"));

			assertThat(VALIDATOR.validate(plain, NO_OCR).findings()).filteredOn((f) -> f.rule().startsWith("package."))
				.extracting(Finding::rule, Finding::severity)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("package.not-a-bag", Severity.WARN));
			ValidationReport strict = VALIDATOR.validate(plain, NO_OCR.withLenient(false));
			assertThat(strict.verdict()).isEqualTo(Verdict.REJECTED);
			assertThat(rules(strict)).contains("package.bag-invalid");
		}

		@Test
		void aFileOutsideADossierFolderIsRejected() throws Exception {
			Path plain = pages(DeliveryValidatorTest.this.work.resolve("plain"));
			TestPages.png(TestPages.text(100, 250, 10), 300, plain.resolve("los.png"));

			assertThat(rules(VALIDATOR.validate(plain, NO_OCR))).contains("package.outside-dossier");
		}

	}

	@Nested
	class TheManifest {

		@Test
		void foldersAndReferencesAreCheckedAgainstTheDelivery() throws Exception {
			Path delivery = pages(DeliveryValidatorTest.this.work.resolve("d"));
			Files.createDirectories(delivery.resolve("0002_b"));
			TestPages.png(TestPages.text(100, 250, 10), 300, delivery.resolve("0002_b/001.png"));
			Files.writeString(delivery.resolve("manifest.csv"),
					"folder,reference,pages\n0001_a,,3\n0009_gone,2001/9,\n");

			ValidationReport report = VALIDATOR.validate(delivery, NO_OCR);

			assertThat(report.findings()).anyMatch((f) -> f.rule().equals("manifest.folder-not-listed")
					&& f.dossier().equals("0002_b"));
			assertThat(report.findings()).anyMatch((f) -> f.rule().equals("manifest.folder-missing")
					&& f.args().equals(List.of("0009_gone")));
			assertThat(report.findings()).anyMatch((f) -> f.rule().equals("manifest.reference-invalid")
					&& f.dossier().equals("0001_a"));
			assertThat(report.findings()).anyMatch((f) -> f.rule().equals("dossier.page-count-mismatch")
					&& f.args().equals(List.of("3", "2")));
		}

		@Test
		void noManifestIsAWarningAndAManifestWithoutFolderColumnIsRejected() throws Exception {
			Path delivery = pages(DeliveryValidatorTest.this.work.resolve("d"));
			assertThat(rules(VALIDATOR.validate(delivery, NO_OCR))).contains("manifest.missing");

			Files.writeString(delivery.resolve("manifest.csv"), "map;kenmerk\n0001_a;1987/1\n");
			assertThat(rules(VALIDATOR.validate(delivery, NO_OCR))).contains("manifest.invalid");
		}

	}

	@Nested
	class Images {

		@Test
		void resolutionIsRejectedUnder150WarnedUnder300AndWarnedWhenNotRecorded() throws Exception {
			Path delivery = DeliveryValidatorTest.this.work.resolve("d");
			TestPages.png(TestPages.text(100, 250, 10), 100, delivery.resolve("0001_a/100ppi.png"));
			TestPages.png(TestPages.text(200, 250, 10), 200, delivery.resolve("0001_a/200ppi.png"));
			TestPages.png(TestPages.text(100, 250, 10), 0, delivery.resolve("0001_a/none.png"));
			TestPages.png(TestPages.text(300, 250, 10), 300, delivery.resolve("0001_a/300ppi.png"));

			ValidationReport report = VALIDATOR.validate(delivery, NO_OCR);

			assertThat(ruleOn(report, "0001_a/100ppi.png")).contains("image.resolution-too-low");
			assertThat(ruleOn(report, "0001_a/200ppi.png")).containsExactly("image.resolution-low");
			assertThat(ruleOn(report, "0001_a/none.png")).containsExactly("image.resolution-missing");
			assertThat(ruleOn(report, "0001_a/300ppi.png")).isEmpty();
			assertThat(report.pagesByDpi()).containsEntry(100, 1).containsEntry(200, 1).containsEntry(300, 1);
		}

		@Test
		void tooDarkAndOverExposedPagesAreWarned() throws Exception {
			Path delivery = DeliveryValidatorTest.this.work.resolve("d");
			TestPages.png(TestPages.text(300, 70, 0), 300, delivery.resolve("0001_a/dark.png"));
			TestPages.png(TestPages.text(300, 255, 215), 300, delivery.resolve("0001_a/faint.png"));

			ValidationReport report = VALIDATOR.validate(delivery, NO_OCR);

			assertThat(ruleOn(report, "0001_a/dark.png")).contains("image.too-dark");
			assertThat(ruleOn(report, "0001_a/faint.png")).contains("image.overexposed");
			assertThat(report.findings()).filteredOn((f) -> f.rule().startsWith("image."))
				.allMatch((f) -> f.thumbnailPng() != null && f.page() == 1);
		}

		@Test
		void aDossierOfMostlyBlankPagesIsWarned() throws Exception {
			Path delivery = DeliveryValidatorTest.this.work.resolve("d");
			TestPages.png(TestPages.text(300, 250, 10), 300, delivery.resolve("0001_a/001.png"));
			for (int i = 2; i <= 4; i++) {
				TestPages.png(TestPages.blank(300), 300, delivery.resolve("0001_a/00" + i + ".png"));
			}

			ValidationReport report = VALIDATOR.validate(delivery, NO_OCR);

			assertThat(report.findings()).anyMatch((f) -> f.rule().equals("dossier.blank-ratio")
					&& f.args().subList(0, 2).equals(List.of("3", "4")));
		}

		@Test
		void anUnusualBitDepthIsWarned() throws Exception {
			Path delivery = DeliveryValidatorTest.this.work.resolve("d");
			BufferedImage text = TestPages.text(300, 250, 10);
			BufferedImage deep = new BufferedImage(text.getWidth(), text.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
			deep.createGraphics().drawImage(text, 0, 0, null);
			TestPages.png(deep, 300, delivery.resolve("0001_a/16bit.png"));

			assertThat(ruleOn(VALIDATOR.validate(delivery, NO_OCR), "0001_a/16bit.png")).contains("image.bit-depth");
		}

		@Test
		void aCorruptPageOrFileIsRejected() throws Exception {
			Path delivery = DeliveryValidatorTest.this.work.resolve("d");
			byte[] png = TestPages.pngBytes(TestPages.text(100, 250, 10), 300);
			Files.createDirectories(delivery.resolve("0001_a"));
			Files.write(delivery.resolve("0001_a/cut.png"), java.util.Arrays.copyOf(png, png.length * 2 / 3));

			ValidationReport report = VALIDATOR.validate(delivery, NO_OCR);

			assertThat(ruleOn(report, "0001_a/cut.png")).contains("file.corrupt");
			assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
		}

		@Test
		void illegibleTextIsRejectedByOcrConfidenceOnASample() throws Exception {
			Path delivery = DeliveryValidatorTest.this.work.resolve("d");
			TestPages.png(TestPages.gibberish(300), 300, delivery.resolve("0001_a/001.png"));

			ValidationReport report = VALIDATOR.validate(delivery, ValidationOptions.defaults().withOcrSamplePages(1));

			assertThat(ruleOn(report, "0001_a/001.png")).contains("image.illegible");
		}

	}

	@Nested
	class Completeness {

		@Test
		void theSameFileInTwoDossiersIsWarned() throws Exception {
			Path delivery = pages(DeliveryValidatorTest.this.work.resolve("d"));
			Files.createDirectories(delivery.resolve("0002_b"));
			Files.copy(delivery.resolve("0001_a/001.png"), delivery.resolve("0002_b/001.png"));

			ValidationReport report = VALIDATOR.validate(delivery, NO_OCR);

			assertThat(report.findings()).anyMatch((f) -> f.rule().equals("file.duplicate")
					&& f.file().equals("0002_b/001.png") && f.args().equals(List.of("0001_a/001.png")));
		}

		@Test
		void anEmptyDossierFolderIsRejected() throws Exception {
			Path delivery = pages(DeliveryValidatorTest.this.work.resolve("d"));
			Files.createDirectories(delivery.resolve("0002_leeg"));

			assertThat(rules(VALIDATOR.validate(delivery, NO_OCR))).contains("dossier.empty");
		}

	}

	@Nested
	class SideBySide {

		@Test
		void theReportIsTheSameOnOneThreadAndOnFour() throws Exception {
			// given a dossier without a text page first, so the sample of two must reach past the first two dossiers
			Path delivery = DeliveryValidatorTest.this.work.resolve("d");
			TestPages.png(TestPages.blank(300), 300, delivery.resolve("0001_blank/001.png"));
			TestPages.png(TestPages.blank(300), 300, delivery.resolve("0001_blank/002.png"));
			for (String dossier : List.of("0002_a", "0003_b", "0004_c")) {
				TestPages.png(TestPages.text(300, 250, 10), 300, delivery.resolve(dossier + "/001.png"));
				TestPages.png(TestPages.gibberish(300), 300, delivery.resolve(dossier + "/002.png"));
			}
			Files.copy(delivery.resolve("0002_a/001.png"), delivery.resolve("0004_c/003.png"));
			ValidationOptions sampleOfTwo = ValidationOptions.defaults().withOcrSamplePages(2);

			// when
			ValidationReport one = validator(1).validate(delivery, sampleOfTwo);
			ValidationReport four = validator(4).validate(delivery, sampleOfTwo);

			// then the same findings in the same order, the same counts
			assertThat(keys(four)).isEqualTo(keys(one));
			assertThat(four.pages()).isEqualTo(one.pages()).isEqualTo(9);
			assertThat(four.pagesByDpi()).isEqualTo(one.pagesByDpi());
			// and the sample is the first text page of the first two dossiers that have one: legible, so the
			// gibberish pages after them are never OCR'd and only the duplicate is found
			assertThat(keys(one)).anyMatch((k) -> k.startsWith("file.duplicate 0004_c/003.png"))
				.noneMatch((k) -> k.startsWith("image.illegible"));
		}

		@Test
		void theSampleReachesPastDossiersWithoutATextPageInDossierOrder() throws Exception {
			// given gibberish as the first text page of every dossier, after a dossier without a text page
			Path delivery = DeliveryValidatorTest.this.work.resolve("d");
			TestPages.png(TestPages.blank(300), 300, delivery.resolve("0001_blank/001.png"));
			for (String dossier : List.of("0002_a", "0003_b", "0004_c")) {
				TestPages.png(TestPages.gibberish(300), 300, delivery.resolve(dossier + "/001.png"));
			}

			// when two pages are sampled on four threads
			ValidationReport report = validator(4).validate(delivery,
					ValidationOptions.defaults().withOcrSamplePages(2));

			// then the sample is 0002 and 0003, as one thread would take it
			assertThat(report.findings()).filteredOn((f) -> f.rule().equals("image.illegible"))
				.extracting(Finding::dossier)
				.containsExactly("0002_a", "0003_b");
		}

		static DeliveryValidator validator(int threads) {
			return new DeliveryValidator(() -> new Tess4jOcrEngine("nld", null, 60_000, 5f), PageLimits.defaults(),
					threads);
		}

		static List<String> keys(ValidationReport report) {
			return report.findings()
				.stream()
				.map((f) -> f.rule() + " " + f.file() + " " + f.page() + " " + f.dossier() + " " + f.args())
				.toList();
		}

	}

	@Nested
	class TheJsonReport {

		@Test
		void holdsVerdictCountsRenderedMessagesAndThumbnails() throws Exception {
			Path delivery = DeliveryValidatorTest.this.work.resolve("d");
			TestPages.png(TestPages.text(100, 250, 10), 100, delivery.resolve("0001_a/100ppi.png"));
			ValidationReport report = VALIDATOR.validate(delivery, NO_OCR);
			StringWriter out = new StringWriter();

			ValidationReportJson.write(report, bundle("src/main/resources/messages_en.properties", Locale.ENGLISH), out);

			JsonNode json = JsonMapper.builder().build().readTree(out.toString());
			assertThat(json.get("verdict").asString()).isEqualTo("REJECTED");
			assertThat(json.get("counts").get("pages").asInt()).isEqualTo(1);
			assertThat(json.get("pagesByDpi").get("100").asInt()).isEqualTo(1);
			JsonNode finding = json.get("dossiers").get(1).get("findings").get(0);
			assertThat(finding.get("rule").asString()).isEqualTo("image.resolution-too-low");
			assertThat(finding.get("message").asString()).startsWith("The page was scanned at 100 ppi");
			byte[] png = Base64.getDecoder().decode(finding.get("thumbnailPng").asString());
			assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isLessThanOrEqualTo(200);
		}

		@Test
		void everyRuleHasAMessageInDutchAndEnglish() throws Exception {
			for (String file : List.of("src/main/resources/messages.properties", "src/main/resources/messages_en.properties")) {
				Properties messages = new Properties();
				try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
					messages.load(in);
				}
				for (Rule rule : Rule.values()) {
					assertThat(messages.getProperty(rule.messageKey())).as(file + " " + rule.messageKey()).isNotBlank();
				}
				assertThat(messages.stringPropertyNames().stream().filter((k) -> k.startsWith("rule.")).count())
					.as("no rule message without a rule").isEqualTo(Rule.values().length);
			}
		}

	}

	static List<String> rules(ValidationReport report) {
		return report.findings().stream().map(Finding::rule).toList();
	}

	static List<String> ruleOn(ValidationReport report, String file) {
		return report.findings().stream().filter((f) -> file.equals(f.file())).map(Finding::rule).toList();
	}

	/** A plain delivery with one dossier of two clean 300 ppi pages. */
	static Path pages(Path delivery) throws IOException {
		TestPages.png(TestPages.text(300, 250, 10), 300, delivery.resolve("0001_a/001.png"));
		TestPages.png(TestPages.text(300, 245, 20), 300, delivery.resolve("0001_a/002.png"));
		return delivery;
	}

	static Path bagOfPages(Path bag, Metadata tags) throws Exception {
		pages(bag);
		BagCreator.bagInPlace(bag, List.of(StandardSupportedAlgorithms.SHA256), false, tags);
		return bag;
	}

	/** The sample dossiers bagged with the LoC library, manifest.csv beside data/. */
	static Path bagOfSamples(Path bag, Metadata tags) throws Exception {
		try (Stream<Path> files = Files.walk(SAMPLES)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path relative = SAMPLES.relativize(file);
				if (!relative.toString().equals("manifest.csv")) {
					Files.createDirectories(bag.resolve(relative).getParent());
					Files.copy(file, bag.resolve(relative));
				}
			}
		}
		BagCreator.bagInPlace(bag, List.of(StandardSupportedAlgorithms.SHA256), false, tags);
		Files.copy(SAMPLES.resolve("manifest.csv"), bag.resolve("manifest.csv"));
		return bag;
	}

	/** The message function the CLI passes ({@code Messages::get}), over one of this bundles. */
	static BiFunction<String, Object[], String> bundle(String file, Locale locale) throws IOException {
		Properties messages = new Properties();
		try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
			messages.load(in);
		}
		return (key, args) -> new MessageFormat(messages.getProperty(key, key), locale).format(args);
	}

}
