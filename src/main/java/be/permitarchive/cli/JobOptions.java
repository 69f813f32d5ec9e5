package be.permitarchive.cli;

import java.util.List;

import picocli.CommandLine.Option;

/** The options of the commands that OCR deliveries ({@code ingest}, {@code nightly}): where and how. */
class JobOptions {

	@Option(names = "--register.url", descriptionKey = "option.registerUrl", paramLabel = "<jdbc-url>")
	String registerUrl;

	@Option(names = "--workers", descriptionKey = "option.workers", paramLabel = "<n>")
	Integer workers;

	@Option(names = "--language", descriptionKey = "option.language", paramLabel = "<nld>")
	String language;

	/** The Spring arguments these options stand for. */
	List<String> springArguments() {
		List<String> args = ArchiveCommand.springArguments(this.registerUrl);
		if (this.workers != null) {
			args.add("--ocr.workers=" + this.workers);
		}
		if (this.language != null) {
			args.add("--ocr.language=" + this.language);
		}
		return args;
	}

}
