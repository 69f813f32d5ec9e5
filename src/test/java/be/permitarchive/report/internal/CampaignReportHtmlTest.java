package be.permitarchive.report.internal;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import be.permitarchive.messages.Messages;
import be.permitarchive.report.CampaignStatus;
import be.permitarchive.report.CampaignStatus.DeliveryRow;
import be.permitarchive.report.CampaignStatus.QuarantineItem;
import be.permitarchive.report.CampaignStatus.ReviewItem;
import be.permitarchive.report.CampaignStatus.Run;
import be.permitarchive.report.CampaignStatus.Totals;
import be.permitarchive.report.CampaignStatus.Week;
import be.permitarchive.support.HtmlDocument;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaign report's HTML from a given status: what it says, in which language, and that it stays well-formed. */
class CampaignReportHtmlTest {

	static final Instant NOW = Instant.parse("2026-11-28T21:00:00Z");

	static final Path REPORTS = Path.of("/srv/archive/data/reports");

	@Nested
	class Content {

		@Test
		void headlineNumbersAreTheStatusTotals() throws Exception {
			HtmlDocument page = HtmlDocument.parse(render(campaign(), "nl"));

			assertThat(page.count("deliveries")).isEqualTo("3");
			assertThat(page.count("accepted")).isEqualTo("1");
			assertThat(page.count("acceptedWithFindings")).isEqualTo("1");
			assertThat(page.count("rejected")).isEqualTo("1");
			assertThat(page.count("pages")).as("Dutch digit grouping").isEqualTo("12.345");
			assertThat(page.count("meanConfidence")).isEqualTo("88,4");
			assertThat(page.count("needsReview")).isEqualTo("2");
			assertThat(page.count("quarantinedFiles")).isEqualTo("1");
		}

		@Test
		void everyDeliveryIsListedWithItsVerdictAndALinkToItsAcceptanceReport() throws Exception {
			HtmlDocument page = HtmlDocument.parse(render(campaign(), "nl"));

			List<Element> rows = HtmlDocument.byClass(page.byId("deliveries"), "delivery");
			assertThat(rows).extracting((row) -> row.getAttribute("class"))
				.containsExactly("delivery delivery-accepted", "delivery delivery-anyway", "delivery delivery-rejected");
			assertThat(rows.get(1).getTextContent()).contains("aanvaard met bevindingen");
			Element link = (Element) rows.get(2).getElementsByTagName("a").item(0);
			assertThat(link.getAttribute("href")).as("relative to the report's folder")
				.isEqualTo("validation-2026-11%20c/acceptance-report.html");
		}

		@Test
		void theReviewQueueLinksEachDossiersSearchablePdfAndSaysHowManyAreNotListed() throws Exception {
			HtmlDocument page = HtmlDocument.parse(render(campaign(), "nl"));

			Element review = page.byId("review");
			List<Element> items = HtmlDocument.byClass(review, "review-item");
			assertThat(items).hasSize(1);
			assertThat(items.get(0).getTextContent()).contains("0001_1974-0123")
				.contains("extract.conflict: subject differs");
			assertThat(HtmlDocument.byClass(review, "pdf").get(0).getAttribute("href"))
				.isEqualTo("../store/ab/cd/0001_1974-0123.pdf");
			assertThat(HtmlDocument.byClass(review, "more").get(0).getTextContent()).contains("nog 1");
		}

		@Test
		void aQuarantinedFileSaysWhyAndWhatToDo() throws Exception {
			HtmlDocument page = HtmlDocument.parse(render(campaign(), "en"));

			Element quarantine = page.byId("quarantine");
			assertThat(quarantine.getElementsByTagName("h2").item(0).getTextContent()).isEqualTo("Quarantine (1 file)");
			assertThat(HtmlDocument.byClass(quarantine, "quarantined").get(0).getTextContent()).contains("0002/leeg.pdf")
				.contains("empty file")
				.contains("rescan the page or deliver the file again");
		}

		@Test
		void runsShowTheirThroughput() throws Exception {
			HtmlDocument page = HtmlDocument.parse(render(campaign(), "en"));

			Element run = HtmlDocument.byClass(page.byId("runs"), "run").get(0);
			assertThat(run.getTextContent()).contains("2026-11-b").contains("completed").contains("2:00")
				.contains("1.50");
			Element chart = page.byId("chart-throughput");
			assertThat(HtmlDocument.byClass(chart, "bar-pages")).as("the completed run, newest on the right")
				.hasSize(1);
			assertThat(chart.getTextContent()).contains("#1: 0.00").contains("#2: 1.50");
		}

		@Test
		void chartsDrawWeeksKindsConfidenceStatusesAndQuarantineReasons() throws Exception {
			HtmlDocument page = HtmlDocument.parse(render(campaign(), "nl"));

			assertThat(page.byId("chart-pages-per-week").getElementsByTagName("rect").getLength())
				.as("one column per week, the empty week too").isEqualTo(3);
			assertThat(page.byId("chart-pages-by-kind").getTextContent()).contains("tekst (OCR)").contains("blanco");
			assertThat(page.byId("chart-quarantine-by-reason").getTextContent()).contains("leeg bestand");
			assertThat(page.byId("chart-confidence").getElementsByTagName("rect").getLength()).isEqualTo(10);
		}

	}

	@Nested
	class Safety {

		@Test
		void namesFromDeliveriesAreEscapedAndThePageStaysWellFormed() throws Exception {
			DeliveryRow hostile = new DeliveryRow("<script>alert(1)</script> & co", "/x", NOW, NOW, "accepted", false,
					0, 1, 1, 0, null);
			CampaignStatus status = with(campaign(), List.of(hostile));

			String html = render(status, "nl");

			assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
			assertThat(HtmlDocument.parse(html).byId("deliveries").getTextContent())
				.contains("<script>alert(1)</script> & co");
		}

		@Test
		void anEmptyRegisterSaysThereIsNothingYet() throws Exception {
			CampaignStatus empty = new CampaignStatus(NOW, new Totals(0, 0, 0, 0, 0, 0, 0, 0, null, 0), List.of(),
					List.of(), Map.of(), new long[10], Map.of(), List.of(), Map.of(), List.of(), List.of());

			HtmlDocument page = HtmlDocument.parse(render(empty, "en"));

			assertThat(page.byId("deliveries").getTextContent()).contains("No deliveries received yet.");
			assertThat(page.byId("chart-pages-per-week").getTextContent()).contains("Nothing to show yet.");
			assertThat(page.count("meanConfidence")).isEqualTo("\u2013");
		}

		@Test
		void twoYearsOfWeeksGetLabelsThatDoNotOverlap() throws Exception {
			List<Week> weeks = new ArrayList<>();
			for (int i = 0; i < 104; i++) {
				weeks.add(new Week(LocalDate.of(2025, 1, 6).plusWeeks(i), i, i * 10L));
			}
			CampaignStatus status = new CampaignStatus(NOW, campaign().totals(), List.of(), weeks, Map.of(),
					new long[10], Map.of(), List.of(), Map.of(), List.of(), List.of());

			Element chart = HtmlDocument.parse(render(status, "nl")).byId("chart-pages-per-week");

			assertThat(chart.getElementsByTagName("rect").getLength()).isEqualTo(104);
			assertThat(HtmlDocument.byClass(chart, "chart-label")).hasSizeBetween(8, 11);
		}

	}

	static String render(CampaignStatus status, String language) throws Exception {
		StringWriter out = new StringWriter();
		new CampaignReportHtml(ZoneId.of("Europe/Brussels")).write(status, Messages.of(language)::get, REPORTS, out);
		return out.toString();
	}

	static CampaignStatus with(CampaignStatus status, List<DeliveryRow> deliveries) {
		return new CampaignStatus(status.generatedAt(), status.totals(), deliveries, status.weeks(),
				status.pagesByKind(), status.confidence(), status.dossiersByStatus(), status.review(),
				status.quarantineByReason(), status.quarantine(), status.runs());
	}

	/** Three deliveries (accepted, accepted with findings, rejected), three weeks (one empty), two runs. */
	static CampaignStatus campaign() {
		Map<String, Long> kinds = new LinkedHashMap<>();
		kinds.put("text", 10_000L);
		kinds.put("blank", 2_000L);
		kinds.put("plan", 345L);
		long[] confidence = { 0, 0, 0, 1, 2, 5, 10, 40, 300, 700 };
		return new CampaignStatus(NOW, new Totals(3, 1, 1, 1, 600, 2, 12_345, 10_345, 88.4, 1),
				List.of(new DeliveryRow("2026-11-a", "/in/2026-11-a", NOW, NOW, "accepted", false, 0, 300, 6_000, 1,
						null),
						new DeliveryRow("2026-11-b", "/in/2026-11-b", NOW, NOW, "rejected", true, 2, 300, 6_345, 1,
								null),
						new DeliveryRow("2026-11 c", "/in/2026-11 c", NOW, null, "rejected", false, 7, 0, 0, 0,
								REPORTS.resolve("validation-2026-11 c/acceptance-report.html").toString())),
				List.of(new Week(LocalDate.of(2026, 11, 9), 200, 4_000), new Week(LocalDate.of(2026, 11, 16), 0, 0),
						new Week(LocalDate.of(2026, 11, 23), 400, 8_345)),
				kinds, confidence, Map.of("registered", 598L, "needs-review", 2L),
				List.of(new ReviewItem("2026-11-a", "0001_1974-0123", 5, 61.2,
						List.of("extract.conflict: subject differs"),
						"/srv/archive/data/store/ab/cd/0001_1974-0123.pdf")),
				Map.of("empty-file", 1L),
				List.of(new QuarantineItem("2026-11-b", "0002/leeg.pdf", "empty-file", "Het bestand is leeg.", NOW)),
				List.of(new Run(2, "2026-11-b", "COMPLETED", NOW, Duration.ofMinutes(2), 300, 180),
						new Run(1, "2026-11-a", "FAILED", NOW, Duration.ofSeconds(30), 10, 0)));
	}

}
