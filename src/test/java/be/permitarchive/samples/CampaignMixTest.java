package be.permitarchive.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import be.permitarchive.samples.SampleDossier.Document;
import be.permitarchive.samples.SampleDossier.Format;
import be.permitarchive.samples.SampleDossier.Page;

/** A large campaign (facts and layout only, nothing rendered) has a realistic mix of pages and files. */
class CampaignMixTest {

	@Test
	void fiveHundredDossiersVaryAndHaveAboutAQuarterBlankBacks() {
		// given
		Random random = new Random(SampleGenerator.DEFAULT_SEED);
		Map<String, Integer> kinds = new TreeMap<>();
		Map<Format, Integer> formats = new EnumMap<>(Format.class);
		Map<String, Integer> types = new TreeMap<>();
		int duplexPages = 0;
		int duplexBlanks = 0;
		// when
		for (int i = 0; i < 500; i++) {
			SampleDossier dossier = DossierTemplates.build(i, random);
			types.merge(dossier.permitType(), 1, Integer::sum);
			assertThat(dossier.parcels()).allSatisfy(p -> assertThat(p.capakey()).matches(SampleGeneratorTest.CAPAKEY));
			for (Document document : dossier.documents()) {
				formats.merge(document.format(), 1, Integer::sum);
				for (Page page : document.pages()) {
					kinds.merge(page.kind(), 1, Integer::sum);
					if (document.format() != Format.PDF_TEXT && document.format() != Format.PNG
							&& document.format() != Format.JPEG) {
						duplexPages++;
						duplexBlanks += "blank".equals(page.kind()) ? 1 : 0;
					}
				}
			}
		}
		// then
		assertThat((double) duplexBlanks / duplexPages).isBetween(0.18, 0.32);
		assertThat(kinds).containsKeys("text", "blank", "plan", "photo", "text-layer");
		assertThat(kinds.get("plan")).isGreaterThan(50);
		assertThat(kinds.get("photo")).isGreaterThan(20);
		assertThat(formats.keySet()).containsExactlyInAnyOrder(Format.values());
		assertThat(types).hasSizeGreaterThanOrEqualTo(6);
	}

}
