package be.permitarchive.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import be.permitarchive.dossier.DossierStatus;
import be.permitarchive.dossier.Issue;
import be.permitarchive.register.ProcessedDossier.DocumentOutcome;

class ProcessedDossierTest {

	static ProcessedDossier with(Issue... issues) {
		return new ProcessedDossier(1, "d", "key", null, List.of(new DocumentOutcome(1, "a.tif", List.of(), null)),
				List.of(issues));
	}

	@Test
	void aPageReadWithLowConfidenceIsANoteNotAReasonToReview() {
		assertThat(with(new Issue(Issue.LOW_CONFIDENCE, "a.tif page 5: mean word confidence 49")).status())
			.isEqualTo(DossierStatus.REGISTERED);
		assertThat(with().status()).isEqualTo(DossierStatus.REGISTERED);
	}

	@Test
	void everyOtherIssueHoldsTheDossierForReview() {
		assertThat(with(new Issue(Issue.LOW_CONFIDENCE, "a.tif page 5"), new Issue("ocr-timeout", "a.tif page 2"))
			.status()).isEqualTo(DossierStatus.NEEDS_REVIEW);
		assertThat(Issue.notesSql()).isEqualTo("'low-confidence'");
	}

}
