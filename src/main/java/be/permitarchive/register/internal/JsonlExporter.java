package be.permitarchive.register.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.permitarchive.ingest.DeliveryLayout;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the register as JSON Lines: one object per dossier, in the record format of docs/standard.md and
 * config/schema/dossier.schema.json. With {@code publicOnly}, the personal data of natural persons is left out
 * (the register feeds public-access requests).
 */
@Component
public class JsonlExporter {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JsonlExporter(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** @return the number of dossiers written */
	public int export(Writer out, boolean publicOnly) throws IOException {
		List<Long> ids = this.jdbc.sql("""
				select d.id from dossier d join delivery dl on dl.id = d.delivery_id order by dl.path, d.folder""")
			.query(Long.class)
			.list();
		for (long id : ids) {
			out.write(this.json.writeValueAsString(record(id, publicOnly)));
			out.write('\n');
		}
		out.flush();
		return ids.size();
	}

	Map<String, Object> record(long id, boolean publicOnly) {
		Map<String, Object> row = this.jdbc.sql("""
				select d.folder, dl.path as delivery, d.reference, d.omv_number, d.municipality_nis, d.permit_type,
				  d.decision, cast(d.decision_date as text) as decision_date, d.subject, d.page_count, d.pages_ocrd,
				  d.pages_skipped, d.mean_confidence, d.searchable_pdf, d.status, cast(d.manifest as text) as manifest,
				  cast(d.metadata as text) as metadata, d.geometry, d.georef_method, d.georef_confidence
				from dossier d join delivery dl on dl.id = d.delivery_id where d.id = :id""")
			.param("id", id)
			.query()
			.singleRow();
		Path dossierDir = DeliveryLayout.payloadDir(Path.of((String) row.get("delivery")))
			.resolve((String) row.get("folder"));
		JsonNode metadata = (row.get("metadata") != null) ? this.json.readTree((String) row.get("metadata")) : null;

		Map<String, Object> record = new LinkedHashMap<>();
		record.put("folder", row.get("folder"));
		record.put("delivery", row.get("delivery"));
		record.put("reference", row.get("reference"));
		record.put("omvNumber", row.get("omv_number"));
		record.put("municipalityNis", row.get("municipality_nis"));
		record.put("permitType", row.get("permit_type"));
		record.put("decision", row.get("decision"));
		record.put("decisionDate", row.get("decision_date"));
		record.put("subject", row.get("subject"));
		record.put("applicants", applicants(id, publicOnly));
		record.put("addresses", addresses(id));
		record.put("parcels", parcels(id));
		record.put("geometry", geoJson((byte[]) row.get("geometry")));
		if (row.get("georef_method") != null) {
			Map<String, Object> georef = new LinkedHashMap<>();
			georef.put("method", row.get("georef_method"));
			georef.put("confidence", Math.round(((Number) row.get("georef_confidence")).doubleValue() * 1000) / 1000.0);
			record.put("georef", georef);
		}
		else {
			record.put("georef", null);
		}
		record.put("documents", documents(id, dossierDir, (String) row.get("searchable_pdf")));
		record.put("pageCount", row.get("page_count"));
		Map<String, Object> ocr = new LinkedHashMap<>();
		Object confidence = row.get("mean_confidence");
		ocr.put("meanConfidence",
				(confidence != null) ? Math.round(((Number) confidence).doubleValue() * 10) / 10.0 : null);
		ocr.put("pagesOcrd", row.get("pages_ocrd"));
		ocr.put("pagesSkipped", row.get("pages_skipped"));
		record.put("ocr", ocr);
		record.put("status", row.get("status"));
		record.put("issues", this.jdbc
			.sql("select code, message from dossier_issue where dossier_id = :id order by code, message")
			.param("id", id)
			.query((rs, n) -> Map.of("code", rs.getString(1), "message", rs.getString(2)))
			.list());
		record.put("manifest", (row.get("manifest") != null) ? this.json.readTree((String) row.get("manifest")) : null);
		if (metadata != null && metadata.has("provenance")) {
			record.put("provenance", metadata.get("provenance"));
		}
		if (metadata != null && metadata.has("conflicts")) {
			record.put("conflicts", metadata.get("conflicts"));
		}
		return record;
	}

	/** A WKB geometry (Lambert 72) as a GeoJSON geometry object, coordinates in EPSG:31370. */
	private JsonNode geoJson(byte[] wkb) {
		if (wkb == null) {
			return null;
		}
		try {
			Geometry geometry = new WKBReader().read(wkb);
			GeoJsonWriter writer = new GeoJsonWriter(3);
			writer.setEncodeCRS(false);
			return this.json.readTree(writer.write(geometry));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("unreadable dossier geometry in the register: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes the dossiers that have a polygon as one GeoJSON FeatureCollection (EPSG:31370, named in the
	 * collection's {@code crs} member so that QGIS reads it as Lambert 72), with the key fields as properties.
	 * @return the number of features written
	 */
	public int exportGeoJson(Writer out, boolean publicOnly) throws IOException {
		List<Long> ids = this.jdbc.sql("""
				select d.id from dossier d join delivery dl on dl.id = d.delivery_id where d.geometry is not null
				order by dl.path, d.folder""")
			.query(Long.class)
			.list();
		out.write("{\"type\":\"FeatureCollection\",");
		out.write("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::31370\"}},");
		out.write("\"features\":[\n");
		for (int i = 0; i < ids.size(); i++) {
			Map<String, Object> record = record(ids.get(i), publicOnly);
			Map<String, Object> properties = new LinkedHashMap<>();
			for (String key : List.of("folder", "reference", "omvNumber", "permitType", "decision", "decisionDate",
					"subject", "status", "georef", "parcels")) {
				properties.put(key, record.get(key));
			}
			Map<String, Object> feature = new LinkedHashMap<>();
			feature.put("type", "Feature");
			feature.put("geometry", record.get("geometry"));
			feature.put("properties", properties);
			out.write(this.json.writeValueAsString(feature));
			out.write((i < ids.size() - 1) ? ",\n" : "\n");
		}
		out.write("]}\n");
		out.flush();
		return ids.size();
	}

	private List<Map<String, Object>> applicants(long id, boolean publicOnly) {
		return this.jdbc.sql("""
				select name, kind, personal_data, confidence from dossier_applicant where dossier_id = :id
				and (not :public or not personal_data) order by id""")
			.param("id", id)
			.param("public", publicOnly)
			.query((rs, n) -> {
				Map<String, Object> applicant = new LinkedHashMap<>();
				applicant.put("name", rs.getString(1));
				applicant.put("kind", rs.getString(2));
				applicant.put("personalData", rs.getBoolean(3));
				applicant.put("confidence", rs.getDouble(4));
				return applicant;
			})
			.list();
	}

	private List<Map<String, Object>> addresses(long id) {
		return this.jdbc.sql("""
				select street, house_number, box_number, postcode, municipality, address_id, confidence, as_written
				from dossier_address where dossier_id = :id order by id""")
			.param("id", id)
			.query((rs, n) -> {
				Map<String, Object> address = new LinkedHashMap<>();
				address.put("street", rs.getString(1));
				address.put("houseNumber", rs.getString(2));
				address.put("boxNumber", rs.getString(3));
				address.put("postcode", rs.getString(4));
				address.put("municipality", rs.getString(5));
				address.put("addressId", rs.getString(6));
				address.put("asWritten", rs.getString(8));
				address.put("confidence", rs.getDouble(7));
				return address;
			})
			.list();
	}

	private List<Map<String, Object>> parcels(long id) {
		return this.jdbc.sql("""
				select capakey, as_written, part, confidence from dossier_parcel where dossier_id = :id order by id""")
			.param("id", id)
			.query((rs, n) -> {
				Map<String, Object> parcel = new LinkedHashMap<>();
				parcel.put("capakey", rs.getString(1));
				parcel.put("asWritten", rs.getString(2));
				parcel.put("part", rs.getBoolean(3));
				parcel.put("confidence", rs.getDouble(4));
				return parcel;
			})
			.list();
	}

	private List<Map<String, Object>> documents(long id, Path dossierDir, String searchablePdf) {
		return this.jdbc.sql("""
				select path, sha256, media_type, coalesce(page_count, 0), status from document
				where dossier_id = :id order by path""")
			.param("id", id)
			.query((rs, n) -> {
				Map<String, Object> document = new LinkedHashMap<>();
				document.put("path", dossierDir.resolve(rs.getString(1)).toString());
				document.put("sha256", rs.getString(2));
				document.put("mediaType", rs.getString(3));
				document.put("pages", rs.getInt(4));
				document.put("searchablePdf", "registered".equals(rs.getString(5)) ? searchablePdf : null);
				return document;
			})
			.list();
	}

}
