package be.permitarchive.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import be.permitarchive.samples.SampleGenerator;
import be.permitarchive.samples.SampleGenerator.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code archive samples --out DIR}: generate a fictional delivery with ground truth (tests, benchmarks). */
@Command(name = "samples")
class SamplesCommand extends PrintingCommand implements Callable<Integer> {

	@Option(names = "--out", required = true, descriptionKey = "samples.out", paramLabel = "<folder>")
	Path target;

	int dossiers = SampleGenerator.DEFAULT_DOSSIERS;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--dossiers", descriptionKey = "samples.dossiers", paramLabel = "<n>")
	void dossiers(int dossiers) {
		this.dossiers = UsageException.atLeastOne(this.spec, "--dossiers", dossiers);
	}

	@Option(names = "--seed", descriptionKey = "samples.seed", paramLabel = "<n>")
	long seed = SampleGenerator.DEFAULT_SEED;


	@Override
	public Integer call() throws Exception {
		Summary summary = SampleGenerator.generate(this.target, this.dossiers, this.seed);
		this.out.println(this.messages.get("samples.done", summary.dossiers(), summary.pages(), summary.delivery(),
				summary.groundTruth()));
		return 0;
	}

}
