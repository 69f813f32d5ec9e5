package be.permitarchive.support;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Test helper: validates a file against PDF/A-2b with the veraPDF library. */
public final class VeraPdf {

	static {
		VeraGreenfieldFoundryProvider.initialise();
	}

	private VeraPdf() {
	}

	public record Report(boolean compliant, List<String> failures) {
	}

	public static Report validate2b(Path pdf) throws Exception {
		VeraPDFFoundry foundry = Foundries.defaultInstance(); // shared instance: not ours to close
		try (InputStream in = Files.newInputStream(pdf);
				PDFAParser parser = foundry.createParser(in);
				PDFAValidator validator = foundry.createValidator(PDFAFlavour.PDFA_2_B, false)) {
			ValidationResult result = validator.validate(parser);
			List<String> failures = result.getTestAssertions()
				.stream()
				.filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
				.map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()
						+ " at " + a.getLocation().getContext())
				.distinct()
				.toList();
			return new Report(result.isCompliant(), failures);
		}
	}

}
