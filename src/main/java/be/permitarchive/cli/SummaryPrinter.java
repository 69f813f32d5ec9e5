package be.permitarchive.cli;

import be.permitarchive.messages.Messages;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import be.permitarchive.register.IngestSummary;
import be.permitarchive.register.IngestSummary.QuarantineEntry;

/** Prints the summary of an ingest run for the archive team. */
final class SummaryPrinter {

	private SummaryPrinter() {
	}

	static void print(IngestSummary summary, Messages messages, Path store, String register, PrintStream out) {
		out.println();
		out.println(messages.get("summary.delivery", summary.delivery()));
		out.println(messages.get("summary.dossiers", summary.dossiers(), summary.dossiers("registered"),
				summary.dossiers("needs-review"), summary.dossiers("quarantined")));
		if (summary.dossiers("pending") > 0) {
			out.println(messages.get("summary.pending", summary.dossiers("pending")));
		}
		out.println(messages.get("summary.pages", summary.pages(), summary.pagesOcrd(), summary.pagesSkipped()));
		for (Map.Entry<String, Integer> kind : summary.pagesByKind().entrySet()) {
			out.println(messages.get("summary.pageKind", messages.get("pageKind." + kind.getKey()), kind.getValue()));
		}
		if (summary.meanConfidence() != null) {
			out.println(messages.get("summary.confidence", summary.meanConfidence()));
		}
		IngestSummary.Metadata metadata = summary.metadata();
		out.println(messages.get("summary.metadata", metadata.withReference(), metadata.withDecisionDate(),
				metadata.withLocation(), summary.dossiers()));
		out.println(messages.get("summary.placed", metadata.placed(), summary.dossiers()));
		if (summary.quarantine().isEmpty()) {
			out.println(messages.get("summary.quarantine.none"));
		}
		else {
			out.println(messages.get("summary.quarantine", summary.quarantine().size()));
			for (QuarantineEntry entry : summary.quarantine()) {
				String advice = messages.get("quarantine." + entry.reasonCode());
				out.println(messages.get("summary.quarantine.entry", entry.path(), entry.reasonCode(), entry.detail(),
						advice));
			}
		}
		if (!summary.needsReview().isEmpty()) {
			out.println(messages.get("summary.review", String.join(", ", summary.needsReview())));
		}
		out.println(messages.get("summary.outputs", store, register));
	}

}
