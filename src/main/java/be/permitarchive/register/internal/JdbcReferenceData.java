package be.permitarchive.register.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import be.permitarchive.dossier.CaPaKey;
import be.permitarchive.dossier.Division;
import be.permitarchive.georef.Address;
import be.permitarchive.georef.AddressRegister;
import be.permitarchive.georef.Divisions;
import be.permitarchive.georef.Parcel;
import be.permitarchive.georef.ParcelMap;
import be.permitarchive.georef.ReferenceData;
import be.permitarchive.georef.StreetAlias;
import be.permitarchive.georef.internal.ReferenceDataFolder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reference data in the register, versioned: each load of a reference-data folder is a new version (old ones are
 * kept); the pipeline works against the latest. Geometry is stored as WKB in Lambert 72 with its bounding box.
 */
@Repository
public class JdbcReferenceData {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	private final PostgisSupport postgis;

	JdbcReferenceData(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, PostgisSupport postgis) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
		this.postgis = postgis;
	}

	/**
	 * Loads a reference-data folder as a new version, unless the latest version came from the same content; refuses
	 * the content of a superseded version, see {@link #load(Path, String, boolean)}.
	 * @return the version and whether it is new
	 */
	@Transactional
	public Loaded load(Path folder, String capakeyAttribute) throws IOException {
		return load(folder, capakeyAttribute, false);
	}

	/**
	 * Loads a reference-data folder as a new version, which becomes the current one, unless the latest version came
	 * from the same content. A folder with the content of an older, superseded version is an older map (the folder
	 * carries no date of its own): loaded again it would become current and put new deliveries on parcels that no
	 * longer exist, so it is refused unless {@code force}.
	 * @return the version in force, whether it is new, and the version it replaces
	 * @throws SupersededReferenceDataException when the content is that of a superseded version and not forced
	 */
	@Transactional
	public Loaded load(Path folder, String capakeyAttribute, boolean force) throws IOException {
		Path source = folder.toAbsolutePath().normalize();
		String sha = contentSha256(source);
		Optional<Version> latest = latest();
		if (latest.isPresent() && latest.get().contentSha256().equals(sha)) {
			return new Loaded(latest.get(), false, previous(latest.get().id()));
		}
		Optional<Version> superseded = newestWithContent(sha);
		if (superseded.isPresent() && !force) {
			throw new SupersededReferenceDataException(source, superseded.get(), latest.orElseThrow());
		}
		ReferenceData data = ReferenceDataFolder.load(source, source.getFileName().toString(), capakeyAttribute);
		long id = this.jdbc.sql("""
				insert into reference_version (source, content_sha256, parcels, addresses, divisions, repaired,
				  rejected, report)
				values (:source, :sha, :parcels, :addresses, :divisions, :repaired, :rejected, cast(:report as jsonb))
				returning id""")
			.param("source", source.toString())
			.param("sha", sha)
			.param("parcels", data.parcels().size())
			.param("addresses", data.addresses().size())
			.param("divisions", data.divisions().all().size())
			.param("repaired", data.parcels().report().repaired().size())
			.param("rejected", data.parcels().report().rejected().size())
			.param("report", this.json.writeValueAsString(data.parcels().report()))
			.query(Long.class)
			.single();
		WKBWriter wkb = new WKBWriter(2, true);
		List<Object[]> parcels = new ArrayList<>();
		for (Parcel parcel : data.parcels().parcels()) {
			Envelope box = parcel.geometry().getEnvelopeInternal();
			parcels.add(new Object[] { id, parcel.key().toString(), wkb.write(parcel.geometry()), box.getMinX(),
					box.getMinY(), box.getMaxX(), box.getMaxY() });
		}
		this.template.batchUpdate("""
				insert into ref_parcel (version_id, capakey, geometry, min_x, min_y, max_x, max_y)
				values (?, ?, ?, ?, ?, ?, ?)""", parcels);
		if (this.postgis.enabled()) {
			this.jdbc.sql("update ref_parcel set geom = ST_GeomFromWKB(geometry, 31370) where version_id = :id")
				.param("id", id)
				.update();
		}
		this.template.batchUpdate("insert into ref_division (version_id, code, name, municipality_nis, ordinal) values (?, ?, ?, ?, ?)",
				data.divisions().all().stream()
					.map((d) -> new Object[] { id, d.code(), d.name(), d.municipalityNis(), d.ordinal() })
					.toList());
		this.template.batchUpdate("""
				insert into ref_address (version_id, address_id, street, house_number, box_number, postcode,
				  municipality, nis_code, x, y) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				data.addresses().addresses().stream()
					.map((a) -> new Object[] { id, a.id(), a.street(), a.houseNumber(), a.boxNumber(), a.postcode(),
							a.municipality(), a.nisCode(), a.x(), a.y() })
					.toList());
		this.template.batchUpdate("insert into ref_street_alias (version_id, alias, street, nis_code) values (?, ?, ?, ?)",
				data.streetAliases().stream().map((a) -> new Object[] { id, a.alias(), a.street(), a.nisCode() })
					.toList());
		return new Loaded(version(id).orElseThrow(), true, latest);
	}

	/** The newest version loaded from this content, if any. */
	private Optional<Version> newestWithContent(String sha) {
		return this.jdbc.sql("select max(id) from reference_version where content_sha256 = :sha")
			.param("sha", sha)
			.query(Long.class)
			.optional()
			.flatMap(this::version);
	}

	public Optional<Version> latest() {
		return this.jdbc.sql("select id from reference_version order by id desc limit 1")
			.query(Long.class)
			.optional()
			.flatMap(this::version);
	}

	/** The version loaded just before {@code id}, if any. */
	public Optional<Version> previous(long id) {
		return this.jdbc.sql("select max(id) from reference_version where id < :id")
			.param("id", id)
			.query(Long.class)
			.optional()
			.flatMap(this::version);
	}

	public Optional<Version> version(long id) {
		return this.jdbc.sql("""
				select id, source, content_sha256, cast(loaded_at as text), parcels, addresses, divisions, repaired,
				  rejected from reference_version where id = :id""")
			.param("id", id)
			.query((rs, n) -> new Version(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)))
			.optional();
	}

	public List<Division> divisions(long versionId) {
		return this.jdbc.sql("""
				select code, name, municipality_nis, ordinal from ref_division where version_id = :id order by code""")
			.param("id", versionId)
			.query((rs, n) -> new Division(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	/** The whole reference data of a version, for georeferencing in memory. */
	public ReferenceData referenceData(long versionId) {
		WKBReader reader = new WKBReader(ParcelMap.GEOMETRIES);
		List<Parcel> parcels = this.jdbc.sql("select capakey, geometry from ref_parcel where version_id = :id")
			.param("id", versionId)
			.query((rs, n) -> new Parcel(CaPaKey.parse(rs.getString(1)), geometry(reader, rs.getBytes(2))))
			.list();
		List<Address> addresses = this.jdbc.sql("""
				select address_id, street, house_number, box_number, postcode, municipality, nis_code, x, y
				from ref_address where version_id = :id""")
			.param("id", versionId)
			.query((rs, n) -> new Address(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getDouble(8), rs.getDouble(9)))
			.list();
		List<StreetAlias> aliases = this.jdbc.sql("select alias, street, nis_code from ref_street_alias where version_id = :id")
			.param("id", versionId)
			.query((rs, n) -> new StreetAlias(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		return new ReferenceData(ParcelMap.ofValid(Long.toString(versionId), parcels),
				new Divisions(divisions(versionId)), new AddressRegister(addresses, aliases), aliases);
	}

	private static Geometry geometry(WKBReader reader, byte[] wkb) {
		try {
			return reader.read(wkb);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("unreadable parcel geometry in the register: " + ex.getMessage(), ex);
		}
	}

	private static String contentSha256(Path folder) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			List<Path> files;
			try (Stream<Path> list = Files.list(folder)) {
				files = list.filter(Files::isRegularFile).sorted().toList();
			}
			for (Path file : files) {
				digest.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
				try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
					in.transferTo(java.io.OutputStream.nullOutputStream());
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A loaded version of the reference data. */
	public record Version(long id, String source, String contentSha256, String loadedAt, int parcels, int addresses,
			int divisions, int repaired, int rejected) {
	}

	/**
	 * The outcome of a load: the version in force, whether this load created it, and the version it replaced (the one
	 * before it).
	 */
	public record Loaded(Version version, boolean created, Optional<Version> replaced) {
	}

}
