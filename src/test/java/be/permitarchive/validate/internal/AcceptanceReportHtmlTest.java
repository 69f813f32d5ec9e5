package be.permitarchive.validate.internal;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import be.permitarchive.support.HtmlDocument;

import be.permitarchive.validate.Finding;
import be.permitarchive.validate.Severity;
import be.permitarchive.validate.ValidationReport;
import be.permitarchive.validate.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptanceReportHtmlTest {

	@Nested
	class ARejectedDelivery {

		final ValidationReport report = ReportFixtures.rejected();

		final String html = ReportFixtures.render(this.report, "nl");

		@Test
		void saysWhenItWasCheckedInLocalTimeInDutch() {
			assertThat(this.html).containsPattern("Gecontroleerd op \\d{1,2} [a-z]+ \\d{4} om \\d{2}:\\d{2}")
				.doesNotContain("UTC");
		}

		@Test
		void isOneSelfContainedFileWithoutScriptOrNetwork() throws Exception {
			// given a report with thumbnails and charts // when parsed
			HtmlDocument doc = HtmlDocument.parse(this.html);

			// then nothing points outside the file
			assertThat(this.html).doesNotContain("http://", "https://", "url(", "@import", "<script", "<link");
			assertThat(doc.all("script")).isEmpty();
			assertThat(doc.all("link")).isEmpty();
			assertThat(doc.all("iframe")).isEmpty();
			assertThat(doc.all("style")).hasSize(1);
			for (Element element : doc.everything()) {
				assertThat(element.getAttribute("src")).as("src of <%s>", element.getTagName())
					.matches("|data:image/png;base64,[A-Za-z0-9+/=]+");
				assertThat(element.getAttribute("href")).as("href of <%s>", element.getTagName()).matches("|#[a-z0-9-]+");
				assertThat(element.getAttributes().getNamedItem("onerror")).isNull();
			}
			assertThat(this.html).matches("[\\x00-\\x7F]*");
		}

		@Test
		void saysRejectedBigAndRed() throws Exception {
			HtmlDocument doc = HtmlDocument.parse(this.html);

			Element verdict = doc.byId("verdict");
			assertThat(verdict.getAttribute("class")).contains("verdict-rejected");
			assertThat(HtmlDocument.byClass(verdict, "verdict-value").get(0).getTextContent()).isEqualTo("Geweigerd");
			assertThat(verdict.getTextContent()).contains("4 bevindingen leiden tot weigering", "2 waarschuwingen");
			assertThat(doc.all("title").get(0).getTextContent()).isEqualTo("Aanvaardingsrapport levering-2024-07 Gent");
			assertThat(doc.all("h1").get(0).getTextContent()).isEqualTo("Levering levering-2024-07 Gent");
		}

		@Test
		void countsDossiersFilesPagesAndFindings() throws Exception {
			HtmlDocument doc = HtmlDocument.parse(this.html);

			List<String> counts = doc.byClass("count").stream().map(Element::getTextContent).toList();
			assertThat(counts).containsExactly("2Dossiers", "14Bestanden", "87Pagina\u2019s", "4Weigeringen",
					"2Waarschuwingen");
		}

		@Test
		void showsEveryFindingWithItsMessageFileAndPage() throws Exception {
			HtmlDocument doc = HtmlDocument.parse(this.html);
			List<Element> rows = doc.byClass("finding");
			var messages = ReportFixtures.messages("nl");

			assertThat(rows).hasSize(this.report.findings().size());
			for (Finding finding : this.report.findings()) {
				String text = messages.apply("rule." + finding.rule(), finding.args().toArray());
				Element row = rows.stream()
					.filter((r) -> HtmlDocument.byClass(r, "message").get(0).getTextContent().equals(text))
					.filter((r) -> finding.file() == null
							|| HtmlDocument.byClass(r, "file").get(0).getTextContent().equals(finding.file()))
					.findFirst()
					.orElseThrow(() -> new AssertionError("no row for " + finding));
				assertThat(HtmlDocument.byClass(row, "rule").get(0).getTextContent()).isEqualTo(finding.rule());
				assertThat(row.getAttribute("class"))
					.contains(finding.severity() == Severity.REJECT ? "finding-reject" : "finding-warn");
				if (finding.page() != null) {
					assertThat(HtmlDocument.byClass(row, "page").get(0).getTextContent())
						.isEqualTo("Pagina " + finding.page());
				}
			}
		}

		@Test
		void groupsFindingsByDossierDeliveryFirstWithAContentsTable() throws Exception {
			HtmlDocument doc = HtmlDocument.parse(this.html);

			List<Element> dossiers = doc.byClass("dossier");
			assertThat(dossiers).extracting((d) -> d.getElementsByTagName("h3").item(0).getTextContent())
				.containsExactly("Levering als geheel", "Dossier 2019-0123 Kerkstraat 5",
						"Dossier 2020-0456 \u00c9glisestraat & Zn");
			assertThat(HtmlDocument.byClass(dossiers.get(0), "finding")).hasSize(2);
			assertThat(HtmlDocument.byClass(dossiers.get(0), "finding").get(0).getAttribute("class"))
				.as("rejections first")
				.contains("finding-reject");
			List<Element> links = doc.all("a");
			assertThat(links).hasSize(3);
			for (int i = 0; i < links.size(); i++) {
				Element target = doc.byId(links.get(i).getAttribute("href").substring(1));
				assertThat(target).isSameAs(dossiers.get(i));
			}
		}

		@Test
		void escapesAHostileFileName() throws Exception {
			HtmlDocument doc = HtmlDocument.parse(this.html);

			assertThat(doc.byClass("file")).extracting(Element::getTextContent).contains(ReportFixtures.HOSTILE,
					ReportFixtures.LONG_NAME);
			assertThat(this.html).doesNotContain("<script>", "alert(1)</script>")
				.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#233;.tif");
			assertThat(doc.all("img")).extracting((img) -> img.getAttribute("alt"))
				.contains("Pagina 1 van " + ReportFixtures.HOSTILE);
		}

		@Test
		void embedsTheThumbnailsAsPng() throws Exception {
			HtmlDocument doc = HtmlDocument.parse(this.html);

			long withThumbnail = this.report.findings().stream().filter((f) -> f.thumbnailPng() != null).count();
			List<Element> images = doc.all("img");
			assertThat(images).hasSize((int) withThumbnail);
			for (Element img : images) {
				byte[] png = Base64.getDecoder()
					.decode(img.getAttribute("src").substring("data:image/png;base64,".length()));
				var image = ImageIO.read(new ByteArrayInputStream(png));
				assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(200);
			}
			assertThat(doc.byClass("no-thumb")).hasSize(this.report.findings().size() - images.size());
		}

		@Test
		void chartsPagesByDpiAndFindingsByRule() throws Exception {
			HtmlDocument doc = HtmlDocument.parse(this.html);

			assertThat(doc.all("svg")).hasSize(2);
			List<String> labels = doc.byClass("chart-label").stream().map(Element::getTextContent).toList();
			assertThat(labels).containsExactly("150 dpi", "200 dpi", "300 dpi", "400 dpi",
					"image.resolution-too-low", "bag.tag-missing", "image.skew", "image.type-mismatch",
					"packaging.plain-folder");
			List<String> values = doc.byClass("chart-value").stream().map(Element::getTextContent).toList();
			assertThat(values).containsExactly("4", "1", "70", "12", "2", "1", "1", "1", "1");
			assertThat(doc.byClass("bar-reject")).hasSize(3);
			assertThat(doc.byClass("bar-warn")).hasSize(2);
		}

		@Test
		void speaksEnglishOnRequest() throws Exception {
			HtmlDocument doc = HtmlDocument.parse(ReportFixtures.render(this.report, "en"));

			assertThat(doc.all("html").get(0).getAttribute("lang")).isEqualTo("en");
			assertThat(doc.byClass("verdict-value").get(0).getTextContent()).isEqualTo("Rejected");
			assertThat(doc.byId("verdict").getTextContent()).contains("4 findings are reasons to reject");
			assertThat(doc.byClass("message")).extracting(Element::getTextContent)
				.contains("bag-info.txt lacks the tag Contract-Reference: add it as the standard says.");
		}

	}

	@Nested
	class AnAcceptedDelivery {

		@Test
		void saysAcceptedAndThatThereIsNothingToFix() throws Exception {
			HtmlDocument doc = HtmlDocument.parse(ReportFixtures.render(ReportFixtures.accepted(), "nl"));

			assertThat(doc.byId("verdict").getAttribute("class")).contains("verdict-accepted");
			assertThat(doc.byClass("verdict-value").get(0).getTextContent()).isEqualTo("Aanvaard");
			assertThat(doc.byId("verdict").getTextContent()).doesNotContain("waarschuwing");
			assertThat(doc.byClass("finding")).isEmpty();
			assertThat(doc.all("nav")).as("no contents without findings").isEmpty();
			assertThat(doc.byClass("none").get(0).getTextContent()).startsWith("Geen bevindingen");
			assertThat(doc.byClass("chart-empty")).extracting(Element::getTextContent).containsExactly("Niets te tonen.");
			assertThat(doc.byClass("meta").get(0).getTextContent()).contains("BagIt-zak");
		}

	}

	@Nested
	class Robustness {

		@Test
		void keepsTheDocumentWellFormedWithControlCharactersAndBrokenUnicode() throws Exception {
			// given a file name decoded from a non-UTF-8 file system
			String broken = "scan\u0000\u0007\ud800\u0085 \ud83d\udcc4.tif";
			Finding finding = new Finding("image.skew", Severity.WARN, "d\u0001", broken, 1, List.of("3", "2"),
					new byte[] { 1, 2, 3 });
			ValidationReport report = new ValidationReport("C:\\leveringen\\l\u00e9vering\\", ReportFixtures.accepted()
				.validatedAt(), Verdict.ACCEPTED, false, 1, 1, 1, java.util.Map.of(), List.of(finding));

			// when
			HtmlDocument doc = HtmlDocument.parse(ReportFixtures.render(report, "nl"));

			// then the broken characters are replaced, the real ones kept, a non-PNG thumbnail not embedded
			assertThat(doc.byClass("file").get(0).getTextContent()).isEqualTo("scan\ufffd\ufffd\ufffd\ufffd \ud83d\udcc4.tif");
			assertThat(doc.all("h1").get(0).getTextContent()).isEqualTo("Levering l\u00e9vering");
			assertThat(doc.all("img")).isEmpty();
		}

		@Test
		void namesTheDeliveryByItsFolder() {
			assertThat(AcceptanceReportHtml.deliveryName("/a/b/levering 1/")).isEqualTo("levering 1");
			assertThat(AcceptanceReportHtml.deliveryName("C:\\x\\y")).isEqualTo("y");
			assertThat(AcceptanceReportHtml.deliveryName("/")).isEqualTo("/");
		}

	}

	@Nested
	class TheMessageFiles {

		@Test
		void haveTheSameKeysInDutchAndEnglish() {
			Set<String> dutch = ReportFixtures.properties("src/main/resources/messages.properties").stringPropertyNames();
			Set<String> english = ReportFixtures.properties("src/main/resources/messages_en.properties").stringPropertyNames();

			assertThat(dutch).isEqualTo(english).contains("report.title", "report.verdict.REJECTED");
		}

	}

}
