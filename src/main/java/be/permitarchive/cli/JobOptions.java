package be.permitarchive.cli;

import java.util.List;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of the commands that OCR deliveries ({@code ingest}, {@code nightly}): where and how. */
class JobOptions {

	@Option(names = "--register.url", descriptionKey = "option.registerUrl", paramLabel = "<jdbc-url>")
	String registerUrl;

	/**
	 * Tesseract language codes joined by '+' ({@code nld}, {@code nld+eng}, {@code chi_sim}, {@code script/Latin}):
	 * whether the language data is installed is checked when the OCR engine starts (exit 4).
	 */
	private static final Pattern LANGUAGES = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(/[A-Za-z0-9_]+)?"
			+ "(\\+[A-Za-z][A-Za-z0-9_]*(/[A-Za-z0-9_]+)?)*");

	@CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
	CommandLine.Model.CommandSpec spec;

	Integer workers;

	String language;

	@Option(names = "--workers", descriptionKey = "option.workers", paramLabel = "<n>")
	void workers(int workers) {
		this.workers = UsageException.atLeastOne(this.spec, "--workers", workers);
	}

	@Option(names = "--language", descriptionKey = "option.language", paramLabel = "<nld>")
	void language(String language) {
		if (!LANGUAGES.matcher(language).matches()) {
			throw new UsageException(this.spec.commandLine(), "error.usage.ocrLanguage", language);
		}
		this.language = language;
	}

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
