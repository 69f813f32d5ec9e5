package be.permitarchive.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import be.permitarchive.samples.SampleDossier.Address;
import be.permitarchive.samples.SampleDossier.Applicant;
import be.permitarchive.samples.SampleDossier.Document;
import be.permitarchive.samples.SampleDossier.Page;
import be.permitarchive.samples.SampleDossier.Parcel;

/**
 * Writes the ground truth of a delivery: one JSON file per dossier (keys in a fixed order, two-space indent, "\n"
 * line ends, so the bytes depend only on the seed) and the delivery's {@code manifest.csv}.
 */
final class GroundTruth {

	private GroundTruth() {
	}

	static void writeJson(SampleDossier d, Path file) throws IOException {
		Json json = new Json();
		json.open('{');
		json.field("folder", d.folder()).field("reference", d.reference()).field("omvNumber", d.omvNumber());
		json.field("municipalityNis", Fictional.NIS).field("permitType", d.permitType()).field("decision", d.decision());
		json.field("decisionDate", d.decisionDate().toString()).field("subject", d.subject());
		json.key("applicants").open('[');
		for (Applicant a : d.applicants()) {
			json.open('{').field("name", a.name()).field("kind", a.kind()).close('}');
		}
		json.close(']').key("addresses").open('[');
		for (Address a : d.addresses()) {
			json.open('{').field("street", a.street()).field("houseNumber", a.houseNumber());
			json.field("boxNumber", a.boxNumber()).field("postcode", a.postcode());
			json.field("municipality", a.municipality()).close('}');
		}
		json.close(']').key("parcels").open('[');
		for (Parcel p : d.parcels()) {
			json.open('{').field("capakey", p.capakey()).field("asWritten", p.asWritten()).close('}');
		}
		json.close(']').key("documents").open('[');
		for (Document doc : d.documents()) {
			json.open('{').field("file", doc.file()).key("pages").open('[');
			List<Page> pages = doc.pages();
			for (int i = 0; i < pages.size(); i++) {
				Page p = pages.get(i);
				json.open('{').number("index", String.valueOf(i)).field("kind", p.kind());
				json.number("rotation", String.valueOf(p.rotation()));
				json.number("skewDegrees", String.format(Locale.ROOT, "%.1f", p.skewDegrees()));
				json.number("clean", String.valueOf(p.clean())).field("text", p.text()).close('}');
			}
			json.close(']').close('}');
		}
		json.close(']').close('}');
		Files.writeString(file, json.toString() + "\n", StandardCharsets.UTF_8);
	}

	static void writeManifest(List<SampleDossier> dossiers, Path file) throws IOException {
		StringBuilder csv = new StringBuilder("folder,reference,municipality_nis,box,notes\n");
		for (SampleDossier d : dossiers) {
			csv.append(csv(d.folder())).append(',').append(csv(d.reference())).append(',').append(Fictional.NIS);
			csv.append(',').append(csv(d.box())).append(',').append(csv(d.notes())).append('\n');
		}
		Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
	}

	private static String csv(String value) {
		return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

}
