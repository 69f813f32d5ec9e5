package be.permitarchive.cli;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import be.permitarchive.support.Chromium;
import be.permitarchive.support.HtmlDocument;
import be.permitarchive.support.IngestProcess;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's nightly cycle, end to end, as operators live it: an inbox with two deliveries, the nightly run (its own
 * JVM, as cron starts it) killed with SIGKILL in the middle of the second delivery, {@code archive jobs} showing the
 * interrupted run, {@code archive restart} finishing it exactly, a third delivery arriving, the next night processing
 * only that one, and {@code archive report} telling all of it, checked in the HTML and in a real browser. Real
 * Tesseract, real PostgreSQL, real sample scans.
 */
class NightlyCycleTest {

	static final String DATABASE = TestRegister.newDatabase();

	static final Path work = TestDeliveries.workDir("nightly-cycle");

	static final Path samples = Path.of("sample-scans", "delivery");

	@Test
	void twoDeliveriesAKillARestartAThirdDeliveryTheNextNightAndTheReport() throws Exception {
		// given an inbox: a one-dossier delivery with an empty file among its scans, and the five-dossier sample
		Path inbox = work.resolve("inbox");
		NightlyCommandTest.delivery(inbox.resolve("2026-11-a"), "0004_OMV_2023072614");
		Files.write(inbox.resolve("2026-11-a").resolve("0004_OMV_2023072614").resolve("leeg.pdf"), new byte[0]);
		IngestProcess.copyTree(samples, inbox.resolve("2026-11-b"));

		// when the night's run is killed while the second delivery is half done
		Process night = IngestProcess.start(work,
				List.of("nightly", inbox.toString(), "--accept-with-findings", "--register.url=" + DATABASE));
		IngestProcess.waitUntil(() -> registered("2026-11-b") >= 1, Duration.ofMinutes(4), night, work);
		night.destroyForcibly();
		assertThat(night.waitFor(1, TimeUnit.MINUTES)).isTrue();
		long beforeRestart = registered("2026-11-b");
		assertThat(registered("2026-11-a")).as("the first delivery was done before the kill").isEqualTo(1);
		assertThat(beforeRestart).as("killed half-way through the second").isBetween(1L, 4L);

		// then archive jobs shows the killed run as interrupted, and archive restart finishes exactly what was left
		long killed = count("""
				select max(e.job_execution_id) from batch_job_execution e
				join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
				where p.parameter_name = 'delivery' and p.parameter_value like '%2026-11-b'""");
		Run jobs = run("jobs", "--register.url=" + DATABASE);
		assertThat(jobs.out()).as(jobs.err()).contains("onderbroken");
		Path killedNight = work.resolve("campagne").resolve("after-the-kill.html");
		assertThat(run("report", "--out", killedNight.toString(), "--register.url=" + DATABASE).code()).isZero();
		assertThat(HtmlDocument.byClass(HtmlDocument.parse(Files.readString(killedNight)).byId("runs"), "run"))
			.as("the campaign report, like archive jobs, shows the killed run as interrupted")
			.anySatisfy((row) -> assertThat(row.getAttribute("class")).isEqualTo("run run-interrupted"));
		Run restart = run("restart", String.valueOf(killed), "--register.url=" + DATABASE);
		assertThat(restart.code()).as(restart.out() + restart.err()).isIn(0, 3);
		assertThat(registered("2026-11-b")).isEqualTo(5);
		assertThat(count("""
				select count(*) from page p join document doc on doc.id = p.document_id
				join dossier d on d.id = doc.dossier_id join delivery v on v.id = d.delivery_id
				where v.name = '2026-11-b'""")).as("every page of the sample once: none lost, none twice")
			.isEqualTo(24);

		// when a third delivery arrives and the next night runs
		NightlyCommandTest.delivery(inbox.resolve("2026-11-c"), "0003_2011-00457");
		long executions = count("select count(*) from batch_job_execution");
		Path morning = Files.createDirectories(work.resolve("share")).resolve("campagne.html");
		Run nextNight = run("nightly", inbox.toString(), "--accept-with-findings", "--report", morning.toString(),
				"--register.url=" + DATABASE);

		// then only the third is processed
		assertThat(nextNight.code()).as(nextNight.out() + nextNight.err()).isIn(0, 3);
		assertThat(nextNight.out()).contains("2026-11-a: niets te doen").contains("2026-11-b: niets te doen")
			.contains("2026-11-c: verwerkt");
		assertThat(count("select count(*) from batch_job_execution")).isEqualTo(executions + 1);
		assertThat(nextNight.out()).contains("Campagnerapport: " + morning.toAbsolutePath());
		assertThat(HtmlDocument.parse(Files.readString(morning)).byId("deliveries").getTextContent())
			.as("the night's campaign report").contains("2026-11-c");

		// when the archive team makes the campaign report
		Path html = work.resolve("campagne").resolve("status.html");
		Run report = run("report", "--out", html.toString(), "--register.url=" + DATABASE);

		// then it tells all of it
		assertThat(report.code()).as(report.out() + report.err()).isZero();
		assertThat(report.out()).contains(html.toAbsolutePath().toString());
		HtmlDocument page = HtmlDocument.parse(Files.readString(html));
		assertThat(page.count("deliveries")).isEqualTo("3");
		assertThat(page.count("acceptedWithFindings")).as("the delivery with the empty file").isEqualTo("1");
		assertThat(page.count("accepted")).isEqualTo("2");
		assertThat(page.count("dossiers")).isEqualTo("7");
		assertThat(page.count("pages")).isEqualTo(String.valueOf(count("select count(*) from page")));
		assertThat(page.count("quarantinedFiles")).isEqualTo("1");
		assertThat(page.byId("quarantine").getTextContent()).contains("leeg.pdf").contains("leeg bestand");
		assertThat(HtmlDocument.byClass(page.byId("deliveries"), "delivery")).extracting(Element::getTextContent)
			.anySatisfy((row) -> assertThat(row).contains("2026-11-a").contains("aanvaard met bevindingen"))
			.anySatisfy((row) -> assertThat(row).contains("2026-11-b").contains("5"))
			.anySatisfy((row) -> assertThat(row).contains("2026-11-c"));
		Element killedDelivery = HtmlDocument.byClass(page.byId("deliveries"), "delivery")
			.stream()
			.filter((row) -> row.getTextContent().contains("2026-11-b"))
			.findFirst()
			.orElseThrow();
		assertThat(killedDelivery.getElementsByTagName("a").getLength())
			.as("the killed delivery's acceptance report was written when it was validated, before the kill")
			.isOne();
		List<Element> runs = HtmlDocument.byClass(page.byId("runs"), "run");
		assertThat(runs).as("every run of the cycle: a, b killed, b restarted, c").hasSize(4);
		assertThat(runs.get(0).getTextContent()).contains("2026-11-c").contains("voltooid");
		assertThat(runs).extracting(Element::getTextContent)
			.anySatisfy((row) -> assertThat(row).contains(String.valueOf(killed)).doesNotContain("voltooid"));
		Element review = page.byId("review");
		// the samples are read completely; only the dossier with the empty file is left for review
		assertThat(review.getTextContent()).contains("0004_OMV_2023072614").doesNotContain("0001_1974-0123");
		for (Element link : HtmlDocument.byClass(review, "pdf")) {
			Path pdf = Path.of(html.toAbsolutePath().getParent().toUri().resolve(new URI(link.getAttribute("href"))));
			assertThat(pdf).as("the review queue links the searchable PDF").isRegularFile();
			assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
		}

		// and a real browser draws it: the header band, the weekly columns, the confidence bands
		BufferedImage screenshot = Chromium.screenshot(html, work.resolve("campagne").resolve("status.png"), 1280,
				2400);
		assertThat(screenshot.getRGB(0, 0) & 0xffffff).as("the header band").isEqualTo(0x1c3553);
		assertThat(Chromium.pixels(screenshot, 0x2d6cb5)).as("blue of the pages-per-week column and the text bars")
			.isGreaterThan(5_000);
		assertThat(Chromium.pixels(screenshot, 0x1e7b34)).as("green of the high-confidence bands and tiles")
			.isGreaterThan(2_000);
	}

	static long registered(String delivery) {
		return count("select count(*) from dossier d join delivery v on v.id = d.delivery_id where v.name = '"
				+ delivery + "' and d.status <> 'pending'");
	}

	static long count(String sql) {
		return NightlyCommandTest.count(DATABASE, sql);
	}

	static Run run(String... args) {
		return Run.of(work.resolve("store"), args);
	}


}
