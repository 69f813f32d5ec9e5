package be.permitarchive.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import be.permitarchive.job.MapRealigner.Report;
import be.permitarchive.georef.internal.ReferenceDataFolder;
import be.permitarchive.register.internal.JdbcReferenceData;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a new parcel map arrives (sample-scans/reference-v2: 123C split into 123D and 123E, 95G and 96S merged into
 * 96T, 457X2 redrawn deeper, and a split elsewhere that no dossier names), exactly the affected dossiers get a new
 * polygon, a history row and a line in the change report.
 */
@SpringBootTest
class MapChangeRealignTest {

	static final Path work = TestDeliveries.workDir("map-change");

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcReferenceData referenceData;

	@Autowired
	MapRealigner realigner;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void register(DynamicPropertyRegistry registry) {
		registry.add("register.url", TestRegister::newDatabase);
		registry.add("store.dir", () -> work.resolve("store").toString());
	}

	@Test
	void aMapUpdateRealignsExactlyTheDossiersWhoseParcelsChanged() throws Exception {
		// given the samples placed on the first map
		this.runner.ingest(Path.of("sample-scans", "delivery"), Path.of("sample-scans", "reference"));
		Map<String, byte[]> before = geometries();
		long v2 = this.referenceData.load(Path.of("sample-scans", "reference-v2"),
				ReferenceDataFolder.DEFAULT_CAPAKEY_ATTRIBUTE).version().id();

		// when
		Report report = this.realigner.realign(v2, work.resolve("reports"));

		// then
		assertThat(report.changed()).isEqualTo(3);
		assertThat(report.unchanged()).isEqualTo(2);
		List<String> csv = Files.readAllLines(report.csv());
		assertThat(csv).hasSize(4);
		assertThat(csv.get(1)).startsWith("0001_1974-0123,1974/0123,").contains("split")
			.contains("31999B0123/00D000 31999B0123/00E000");
		assertThat(csv.get(2)).startsWith("0002_BV-91-214,").contains("merged").contains("31997A0096/00T000");
		assertThat(csv.get(3)).startsWith("0003_2011-00457,").contains("redrawn");
		assertThat(Files.readString(report.geojson())).contains("\"polygon\":\"old\"").contains("\"polygon\":\"new\"");
		Map<String, byte[]> after = geometries();
		assertThat(after.get("0003_2011-00457")).as("the redrawn parcel changes the polygon")
			.isNotEqualTo(before.get("0003_2011-00457"));
		assertThat(after.get("0004_OMV_2023072614")).isEqualTo(before.get("0004_OMV_2023072614"));
		assertThat(this.jdbc.sql("select count(*) from dossier_geometry_change").query(Integer.class).single())
			.isEqualTo(3);
		assertThat(this.jdbc.sql("select count(distinct georef_version_id) from dossier").query(Integer.class)
			.single()).as("every dossier is now on the new map").isEqualTo(1);
	}

	@Test
	void aDocumentWrittenBeforeASplitIsPlacedThroughTheMapHistory() throws Exception {
		// given both map versions (loaded again, on purpose, where the other test loaded them already), and a dossier
		// delivered after the split that names the parcel as it was (123C)
		this.referenceData.load(Path.of("sample-scans", "reference"), ReferenceDataFolder.DEFAULT_CAPAKEY_ATTRIBUTE,
				true);
		this.referenceData.load(Path.of("sample-scans", "reference-v2"), ReferenceDataFolder.DEFAULT_CAPAKEY_ATTRIBUTE,
				true);
		Path late = work.resolve("late-delivery");
		Files.createDirectories(late.resolve("0001_1974-0123"));
		Files.copy(Path.of("sample-scans", "delivery", "0001_1974-0123", "dossier.tif"),
				late.resolve("0001_1974-0123").resolve("dossier.tif"));

		// when
		this.runner.ingest(late);

		// then
		Map<String, Object> dossier = this.jdbc.sql("""
				select d.georef_method, cast(d.georef_flags as text) as flags, cast(d.georef_parcels as text) as parcels
				from dossier d join delivery dl on dl.id = d.delivery_id where dl.path = :path""")
			.param("path", late.toAbsolutePath().normalize().toString())
			.query()
			.singleRow();
		assertThat(dossier.get("georef_method")).as(dossier.toString()).isEqualTo("capakey");
		assertThat((String) dossier.get("flags")).contains("resolved-via-history").doesNotContain("radical");
		assertThat((String) dossier.get("parcels")).contains("31999B0123/00D000").contains("31999B0123/00E000");
	}

	private Map<String, byte[]> geometries() {
		return this.jdbc.sql("select folder, geometry from dossier").query((rs) -> {
			Map<String, byte[]> map = new java.util.HashMap<>();
			while (rs.next()) {
				map.put(rs.getString(1), rs.getBytes(2));
			}
			return map;
		});
	}

}
