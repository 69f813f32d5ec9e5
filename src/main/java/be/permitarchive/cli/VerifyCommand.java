package be.permitarchive.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import be.permitarchive.job.ExitCode;
import be.permitarchive.job.StoreCheck;
import be.permitarchive.job.StoreCheck.Damaged;
import be.permitarchive.register.internal.JdbcRegister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code archive verify [<delivery>] [--quick] [--repair] [--report FILE]}: fixity of the store against the
 * register. Every registered dossier's outputs (PDF/A, text, ALTO, pages.json and the OCR records) are checked as the
 * register recorded them when they were written: there, of the same size and, unless {@code --quick}, with the same
 * SHA-256. {@code --repair} makes the damaged dossiers pending, so that the next ingest of their delivery makes their
 * outputs again.
 */
@Command(name = "verify")
class VerifyCommand extends PrintingCommand implements Callable<Integer> {

	@Parameters(index = "0", arity = "0..1", descriptionKey = "verify.delivery", paramLabel = "<delivery>")
	Path delivery;

	@Option(names = "--quick", descriptionKey = "verify.quick")
	boolean quick;

	@Option(names = "--repair", descriptionKey = "verify.repair")
	boolean repair;

	@Option(names = "--report", descriptionKey = "verify.report", paramLabel = "<file.json>")
	Path report;

	@Option(names = "--register.url", descriptionKey = "option.registerUrl", paramLabel = "<jdbc-url>")
	String registerUrl;

	@Override
	public Integer call() throws Exception {
		try (ConfigurableApplicationContext context = Register.open(ArchiveCommand.springArguments(this.registerUrl))) {
			JdbcRegister register = context.getBean(JdbcRegister.class);
			Long deliveryId = null;
			if (this.delivery != null) {
				Path root = this.delivery.toAbsolutePath().normalize();
				deliveryId = register.findDelivery(root).orElse(null);
				if (deliveryId == null) {
					this.out.println(this.messages.get("verify.unknown-delivery", root));
					return ExitCode.USAGE.code();
				}
			}
			StoreCheck check = context.getBean(StoreCheck.class);
			int checked = register.storedDossiers(deliveryId).size();
			this.out.println(this.messages.get(this.quick ? "verify.checking.quick" : "verify.checking", checked));
			List<Damaged> damaged = check.check(deliveryId, !this.quick);
			for (Damaged dossier : damaged) {
				this.out.println(this.messages.get("verify.damaged", dossier.dossier().delivery(),
						dossier.dossier().folder()));
				for (String problem : dossier.problems()) {
					this.out.println("    " + problem);
				}
				if (dossier.unrecorded()) {
					this.out.println("    " + this.messages.get("verify.unrecorded"));
				}
			}
			if (this.report != null) {
				writeReport(context.getBean(JsonMapper.class), checked, damaged);
			}
			if (damaged.isEmpty()) {
				this.out.println(this.messages.get("verify.intact", checked));
				return ExitCode.OK.code();
			}
			this.out.println(this.messages.get("verify.summary", damaged.size(), checked));
			TreeSet<String> deliveries = new TreeSet<>();
			damaged.forEach((d) -> deliveries.add(d.dossier().delivery()));
			if (this.repair) {
				check.remake(damaged);
				deliveries.forEach((d) -> this.out.println(this.messages.get("verify.repaired", d)));
			}
			else {
				this.out.println(this.messages.get("verify.how-to-repair"));
			}
			return ExitCode.COMPLETED_WITH_FINDINGS.code();
		}
	}

	private void writeReport(JsonMapper json, int checked, List<Damaged> damaged) throws Exception {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("checked", checked);
		report.put("content", !this.quick);
		report.put("damaged", damaged.stream().map((d) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("delivery", d.dossier().delivery());
			item.put("folder", d.dossier().folder());
			item.put("storeKey", d.dossier().storeKey());
			item.put("problems", d.problems());
			item.put("checksumsRecorded", !d.unrecorded());
			item.put("markedForRemaking", this.repair);
			return item;
		}).toList());
		String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(report);
		AtomicFile.write(this.report, (writer) -> {
			writer.write(text);
			return null;
		});
		this.out.println(this.messages.get("verify.report-written", this.report.toAbsolutePath()));
	}

}
