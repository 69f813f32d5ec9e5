package be.permitarchive.samples;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import be.permitarchive.samples.SampleDossier.Address;
import be.permitarchive.samples.SampleDossier.Applicant;

/** The facts of one dossier that the page texts are written from. */
record DossierFacts(String reference, String omvNumber, String permitType, String decision, LocalDate applicationDate,
		LocalDate decisionDate, String subject, List<Applicant> applicants, Address address,
		ParcelPhrases.Written parcel, String architect, String mayor, String secretary, int lots) {

	DossierFacts {
		applicants = List.copyOf(applicants);
	}

	String applicantNames() {
		List<String> names = applicants.stream().map(Applicant::name).collect(Collectors.toList());
		if (names.size() == 1) {
			return names.get(0);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " en " + names.get(names.size() - 1);
	}

	/** "bouwvergunning" as it is written in running text, e.g. "stedenbouwkundige vergunning" after 1999. */
	String permitNoun() {
		return switch (permitType) {
			case "bouwvergunning" -> decisionDate.getYear() >= 2000 ? "stedenbouwkundige vergunning" : "bouwvergunning";
			case "stedenbouwkundig-attest" -> "stedenbouwkundig attest";
			default -> permitType;
		};
	}

}
