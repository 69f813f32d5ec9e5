package be.permitarchive.register.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the register as JSON Lines: one object per dossier, in the record format of docs/standard.md (and
 * config/schema/dossier.schema.json).
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
	public int export(Writer out, Path projectDir) throws IOException {
		List<Map<String, Object>> dossiers = new ArrayList<>();
		this.jdbc.sql("""
				select d.id, d.folder, dl.path, d.status, d.page_count, d.pages_ocrd, d.pages_skipped,
				  d.mean_confidence, d.searchable_pdf
				from dossier d join delivery dl on dl.id = d.delivery_id
				order by dl.path, d.folder""")
			.query((rs) -> {
				Map<String, Object> dossier = new LinkedHashMap<>();
				dossier.put("id", rs.getLong(1));
				dossier.put("folder", rs.getString(2));
				dossier.put("delivery", rs.getString(3));
				dossier.put("status", rs.getString(4));
				dossier.put("pageCount", rs.getInt(5));
				Map<String, Object> ocr = new LinkedHashMap<>();
				Object confidence = rs.getObject(8);
				ocr.put("meanConfidence", (confidence != null) ? Math.round(((Number) confidence).doubleValue() * 10) / 10.0 : null);
				ocr.put("pagesOcrd", rs.getInt(6));
				ocr.put("pagesSkipped", rs.getInt(7));
				dossier.put("ocr", ocr);
				dossier.put("searchablePdf", rs.getString(9));
				dossiers.add(dossier);
			});
		for (Map<String, Object> dossier : dossiers) {
			long id = (Long) dossier.remove("id");
			String searchablePdf = (String) dossier.remove("searchablePdf");
			Path dossierDir = be.permitarchive.ingest.DeliveryLayout.payloadDir(Path.of((String) dossier.get("delivery")))
				.resolve((String) dossier.get("folder"));
			List<Map<String, Object>> documents = this.jdbc.sql("""
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
			List<Map<String, Object>> issues = this.jdbc
				.sql("select code, message from dossier_issue where dossier_id = :id order by code, message")
				.param("id", id)
				.query((rs, n) -> Map.<String, Object>of("code", rs.getString(1), "message", rs.getString(2)))
				.list();
			dossier.put("documents", documents);
			dossier.put("issues", issues);
			out.write(this.json.writeValueAsString(order(dossier)));
			out.write('\n');
		}
		out.flush();
		return dossiers.size();
	}

	private static Map<String, Object> order(Map<String, Object> dossier) {
		Map<String, Object> ordered = new LinkedHashMap<>();
		for (String key : List.of("folder", "delivery", "documents", "pageCount", "ocr", "status", "issues")) {
			ordered.put(key, dossier.get(key));
		}
		return ordered;
	}

}
