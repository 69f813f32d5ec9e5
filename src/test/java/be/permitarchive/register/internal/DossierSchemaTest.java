package be.permitarchive.register.internal;

import be.permitarchive.support.DossierSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema in config/schema holds the line: it refuses records that break the standard. */
class DossierSchemaTest {

	static final String VALID = """
			{"folder":"1987-0456","delivery":"/d","reference":"1987/0456","omvNumber":null,"municipalityNis":"31998",
			 "permitType":"bouwvergunning","decision":"verleend","decisionDate":"1987-03-12","subject":"bouwen",
			 "applicants":[{"name":"NV Immo","kind":"legal-entity"}],
			 "addresses":[{"street":"Kerkstraat","houseNumber":"24","boxNumber":null,"postcode":"2999",
			   "municipality":"Zandhoveke","addressId":null}],
			 "parcels":[{"capakey":"31999B0123/00C000","asWritten":"2de afdeling, sectie B, nr. 123C"}],
			 "geometry":null,"georef":null,"documents":[],"pageCount":0,
			 "ocr":{"meanConfidence":null,"pagesOcrd":0,"pagesSkipped":0},"status":"registered","issues":[]}""";

	@Test
	void acceptsARecordThatFollowsTheStandard() throws Exception {
		assertThat(DossierSchema.load().errors(VALID)).isEmpty();
	}

	@Test
	void refusesAPermitTypeOutsideTheVocabulary() throws Exception {
		assertThat(DossierSchema.load().errors(VALID.replace("bouwvergunning", "building-permit"))).isNotEmpty();
	}

	@Test
	void refusesAMalformedCaPaKey() throws Exception {
		assertThat(DossierSchema.load().errors(VALID.replace("31999B0123/00C000", "31999B123C"))).isNotEmpty();
	}

	@Test
	void refusesARecordWithoutItsRequiredFields() throws Exception {
		assertThat(DossierSchema.load().errors(VALID.replace("\"decisionDate\":\"1987-03-12\",", ""))).isNotEmpty();
	}

}
