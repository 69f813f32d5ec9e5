package be.permitarchive.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import be.permitarchive.dossier.Issue;
import be.permitarchive.extract.ExtractedDossier;
import be.permitarchive.extract.ManifestEntry;
import be.permitarchive.extract.MetadataExtractor;
import be.permitarchive.extract.PageText;
import be.permitarchive.georef.PlaceFixtures;
import org.junit.jupiter.api.Test;

/** What the review queue says about a dossier's parcels and addresses: which one is in doubt, and why. */
class MetadataIssuesTest {

	static final MetadataExtractor EXTRACTOR = new MetadataExtractor(PlaceFixtures.gazetteer(), 2025);

	static List<Issue> issues(String... pages) {
		List<PageText> texts = new java.util.ArrayList<>();
		for (int i = 0; i < pages.length; i++) {
			texts.add(PageText.ofTextLayer("besluit.pdf", i, pages[i]));
		}
		ExtractedDossier extracted = EXTRACTOR.extract(texts, new ManifestEntry("d", "2024/001", PlaceFixtures.NIS,
				null, null));
		return MetadataProcessor.issues(extracted);
	}

	@Test
	void aParcelThatExistsNowhereAndAnAddressNotInTheRegisterSayWhichAndWhy() {
		// when
		List<Issue> issues = issues("Ligging: Molenweg 12, 2894 Lindeveld\nKadaster: afd. 2 sectie B nr. 847");
		// then
		assertThat(issues).filteredOn(i -> i.code().equals("extract.parcel-unresolved")).singleElement()
			.satisfies(i -> assertThat(i.message()).contains("'847'").contains("99992").contains("section B"));
		assertThat(issues).filteredOn(i -> i.code().equals("extract.address-unresolved")).singleElement()
			.satisfies(i -> assertThat(i.message()).contains("Molenweg 12"));
	}

	@Test
	void aCleanResolutionRaisesNoPlaceIssue() {
		assertThat(issues("Ligging: Stw. op Heikant 154\nKadaster: afd. 1 sectie A nr. 153"))
			.extracting(Issue::code)
			.noneMatch(code -> code.startsWith("extract.parcel") || code.startsWith("extract.address")
					|| code.equals("extract.missing-location"));
	}

}
