package be.permitarchive.georef.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import be.permitarchive.georef.Address;
import be.permitarchive.georef.AddressMatch;
import be.permitarchive.georef.AddressMatcher;
import be.permitarchive.dossier.CaPaKey;
import be.permitarchive.georef.DossierPlaces;
import be.permitarchive.georef.Georeference;
import be.permitarchive.georef.MapChange;
import be.permitarchive.georef.ParcelPhrase;
import be.permitarchive.georef.ReferenceData;
import be.permitarchive.georef.WrittenAddress;
import be.permitarchive.georef.WrittenParcel;
import be.permitarchive.samples.ReferenceDataGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generated reference data of Zandhoveke against the sample ground truth. */
class SampleReferenceDataTest {

	static final Path SAMPLES = Path.of("sample-scans");

	static final ReferenceData V1 = ReferenceDataFolder.load(SAMPLES.resolve("reference"), "1", "CAPAKEY");

	static final ReferenceData V2 = ReferenceDataFolder.load(SAMPLES.resolve("reference-v2"), "2", "CAPAKEY");

	record Truth(String folder, String nis, List<String> capakeys, List<String> phrases, List<WrittenAddress> addresses) {
	}

	static List<Truth> groundTruth() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<Truth> truths = new ArrayList<>();
		try (Stream<Path> files = Files.list(SAMPLES.resolve("ground-truth"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode root = json.readTree(file.toFile());
				List<String> keys = new ArrayList<>();
				Set<String> phrases = new LinkedHashSet<>();
				for (JsonNode p : root.path("parcels")) {
					keys.add(p.path("capakey").asString());
					phrases.add(p.path("asWritten").asString());
				}
				List<WrittenAddress> addresses = new ArrayList<>();
				for (JsonNode a : root.path("addresses")) {
					addresses.add(new WrittenAddress(a.path("street").asString(), a.path("houseNumber").asString(),
							a.path("boxNumber").isString() ? a.path("boxNumber").asString() : null,
							a.path("postcode").asString(null), a.path("municipality").asString(null)));
				}
				truths.add(new Truth(root.path("folder").asString(), root.path("municipalityNis").asString(), keys,
						List.copyOf(phrases), addresses));
			}
		}
		return truths;
	}

	static DossierPlaces asWritten(Truth truth) {
		return new DossierPlaces(truth.folder(), truth.nis(), truth.phrases().stream().map(WrittenParcel::of).toList(),
				truth.addresses());
	}

	@Nested
	class Version1 {

		@Test
		void loadsCleanly() {
			assertThat(V1.parcels().report().clean()).isTrue();
			assertThat(V1.parcels().size()).isGreaterThan(100);
		}

		@Test
		void everyWrittenParcelResolvesToItsCaPaKey() throws IOException {
			for (Truth truth : groundTruth()) {
				// given
				List<CaPaKey> read = new ArrayList<>();
				for (String phrase : truth.phrases()) {
					// when
					ParcelPhrase.Keys parsed = ParcelPhrase.read(phrase, truth.nis(), V1.divisions());
					read.addAll(parsed.keys());
				}
				// then
				assertThat(read).extracting(CaPaKey::toString).as(truth.folder()).containsExactlyElementsOf(truth.capakeys());
				assertThat(read).allSatisfy(k -> assertThat(V1.parcels().contains(k)).isTrue());
			}
		}

		@Test
		void everyGroundTruthAddressLiesInsideItsDossiersFirstParcel() throws IOException {
			AddressMatcher matcher = new AddressMatcher(V1.addresses());
			for (Truth truth : groundTruth()) {
				// given / when
				AddressMatch match = matcher.match(truth.addresses().get(0), truth.nis()).orElseThrow();

				// then
				assertThat(V1.parcels().containing(match.address().x(), match.address().y()).get().key())
					.hasToString(truth.capakeys().get(0));
				assertThat(match.confidence()).isGreaterThan(0.95);
			}
		}

		@Test
		void georeferencesEveryDossierByItsParcelsWithoutFlags() throws IOException {
			for (Truth truth : groundTruth()) {
				// given / when
				Georeference georef = V1.georeferencer(be.permitarchive.georef.MapHistory.NONE)
					.georeference(asWritten(truth));

				// then
				assertThat(georef.method()).as(truth.folder()).isEqualTo(Georeference.Method.CAPAKEY);
				assertThat(georef.flags()).doesNotContain(Georeference.Flag.PARCEL_ADDRESS_DISAGREE,
						Georeference.Flag.PARCEL_NOT_ON_MAP);
				assertThat(georef.confidence()).isGreaterThan(0.9);
				assertThat(georef.geometry().getArea()).isGreaterThan(300);
			}
		}

		@Test
		void aDossierNamingAFarAwayAddressIsFlagged() throws IOException {
			// given: dossier 0001's parcel with the address of 0004
			List<Truth> truths = groundTruth();
			DossierPlaces mixed = new DossierPlaces("mixed", "31998", asWritten(truths.get(0)).parcels(),
					truths.get(3).addresses());

			// when
			Georeference georef = V1.georeferencer(be.permitarchive.georef.MapHistory.NONE).georeference(mixed);

			// then
			assertThat(georef.flags()).contains(Georeference.Flag.PARCEL_ADDRESS_DISAGREE);
			assertThat(georef.confidence()).isLessThan(0.6);
			assertThat(georef.needsReview()).isTrue();
		}

		@Test
		void theGeneratorIsDeterministic(@TempDir Path dir) throws IOException {
			// given / when
			ReferenceDataGenerator.generate(SAMPLES.resolve("ground-truth"), dir.resolve("a"), dir.resolve("b"), 1977);

			// then
			for (String file : List.of("parcels.geojson", "addresses.csv", "divisions.csv", "street_aliases.csv")) {
				assertThat(dir.resolve("a").resolve(file)).hasSameTextualContentAs(SAMPLES.resolve("reference").resolve(file));
				assertThat(dir.resolve("b").resolve(file))
					.hasSameTextualContentAs(SAMPLES.resolve("reference-v2").resolve(file));
			}
		}

	}

	@Nested
	class MapUpdate {

		final MapChange change = MapChange.compare(V1.parcels(), V2.parcels(), 0.5);

		@Test
		void reportsExactlyTheDossiersWhoseParcelsWereSplitMergedOrRedrawn() throws IOException {
			// given: the dossiers as placed on version 1
			List<MapChange.PlacedDossier> placed = new ArrayList<>();
			for (Truth truth : groundTruth()) {
				Georeference georef = V1.georeferencer(be.permitarchive.georef.MapHistory.NONE)
					.georeference(asWritten(truth));
				placed.add(new MapChange.PlacedDossier(truth.folder(),
						new LinkedHashSet<>(georef.parcels().stream().flatMap(p -> p.onMap().stream()).toList()),
						georef.geometry()));
			}

			// when
			List<MapChange.Realignment> realigned = change.realignAll(placed);

			// then
			assertThat(realigned).extracting(MapChange.Realignment::dossierId)
				.containsExactly("0001_1974-0123", "0002_BV-91-214", "0003_2011-00457");
			assertThat(realigned.get(0).kinds()).containsExactly(MapChange.Kind.SPLIT);
			assertThat(realigned.get(0).newParcels()).extracting(CaPaKey::toString)
				.containsExactly("31999B0123/00D000", "31999B0123/00E000");
			assertThat(realigned.get(0).areaDifference()).isCloseTo(0, org.assertj.core.data.Offset.offset(0.01));
			assertThat(realigned.get(1).kinds()).containsOnly(MapChange.Kind.MERGED);
			assertThat(realigned.get(1).newParcels()).extracting(CaPaKey::toString).containsExactly("31997A0096/00T000");
			assertThat(realigned.get(2).kinds()).containsExactly(MapChange.Kind.REDRAWN);
			assertThat(realigned.get(2).areaDifference()).isGreaterThan(30);
			assertThat(change.changes()).filteredOn(c -> c.kind() == MapChange.Kind.SPLIT).hasSize(2);
		}

		@Test
		void anOldParcelNumberResolvesThroughTheHistoryOrItsRadical() throws IOException {
			// given
			Truth first = groundTruth().get(0);

			// when
			Georeference viaHistory = V2.georeferencer(change.history()).georeference(asWritten(first));
			Georeference viaRadical = V2.georeferencer(be.permitarchive.georef.MapHistory.NONE)
				.georeference(new DossierPlaces("x", "31998", asWritten(first).parcels(), List.of()));

			// then
			assertThat(viaHistory.flags()).contains(Georeference.Flag.PARCEL_NOT_ON_MAP,
					Georeference.Flag.RESOLVED_VIA_HISTORY);
			assertThat(viaHistory.parcels().get(0).onMap()).hasSize(2);
			assertThat(viaRadical.flags()).contains(Georeference.Flag.RESOLVED_VIA_RADICAL);
			assertThat(viaRadical.parcels().get(0).onMap()).extracting(CaPaKey::toString)
				.containsExactly("31999B0123/00D000", "31999B0123/00E000");
			assertThat(viaRadical.geometry().getArea()).isCloseTo(viaHistory.geometry().getArea(),
					org.assertj.core.data.Offset.offset(0.01));
		}

	}

	@Nested
	class AddressMatching {

		@Test
		void findsTheRightAddressForAtLeast95PercentOfOcrVariantsAndNeverAWrongOne() {
			// given
			AddressMatcher matcher = new AddressMatcher(V1.addresses());
			Random random = new Random(42);
			int total = 0;
			int right = 0;
			List<String> wrong = new ArrayList<>();
			List<String> missed = new ArrayList<>();

			// when
			for (Address address : V1.addresses().addresses()) {
				for (int v = 0; v < 4; v++) {
					WrittenAddress variant = OcrVariants.of(address, random);
					total++;
					var match = matcher.match(variant, random.nextBoolean() ? "31998" : null);
					if (match.isEmpty()) {
						missed.add(variant + " (" + address + ")");
					}
					else if (sameLocation(match.get().address(), address)) {
						right++;
					}
					else {
						wrong.add(variant + " -> " + match.get().address() + " " + match.get().explanation());
					}
				}
			}

			// then
			System.out.printf("address variants: %d, right %d, missed %d, wrong %d%n", total, right, missed.size(),
					wrong.size());
			assertThat(wrong).isEmpty();
			assertThat(right).as("missed: %s", missed).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * total));
		}

		@Test
		void anOldStreetNameAndAnUnknownNumberAreHandled() {
			AddressMatcher matcher = new AddressMatcher(V1.addresses());
			assertThat(matcher.match(new WrittenAddress("Stationsstraat", "3", null, null, null), "31998"))
				.map(m -> m.address().street())
				.contains("Statiestraat");
			assertThat(matcher.match(new WrittenAddress("Kerkstraat", "999", null, "2999", "Zandhoveke"), "31998"))
				.isEmpty();
		}

		private static boolean sameLocation(Address found, Address expected) {
			return found.street().equals(expected.street()) && found.houseNumber().equals(expected.houseNumber());
		}

	}

}
