package be.permitarchive.register.internal;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import be.permitarchive.dossier.CaPaKey;
import be.permitarchive.dossier.DossierStatus;
import be.permitarchive.dossier.Issue;
import be.permitarchive.dossier.PageResult;
import be.permitarchive.dossier.QuarantineReason;
import be.permitarchive.dossier.Quarantined;
import be.permitarchive.georef.DossierPlaces;
import be.permitarchive.georef.Georeference;
import be.permitarchive.georef.WrittenAddress;
import be.permitarchive.georef.WrittenParcel;
import be.permitarchive.ingest.Manifest;
import be.permitarchive.validate.Finding;
import be.permitarchive.validate.ValidationReport;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.json.JsonMapper;
import be.permitarchive.register.DossierMetadata;
import be.permitarchive.register.DossierText;
import be.permitarchive.register.IngestSummary;
import be.permitarchive.register.IngestSummary.QuarantineEntry;
import be.permitarchive.register.PendingDossier;
import be.permitarchive.register.PendingDossier.PendingDocument;
import be.permitarchive.register.ProcessedDossier;
import be.permitarchive.register.ProcessedDossier.DocumentOutcome;
import be.permitarchive.store.StoredFile;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register's tables through JDBC. Every method runs in the caller's transaction. */
@Repository
public class JdbcRegister {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final PostgisSupport postgis;

	private final JsonMapper json;

	JdbcRegister(JdbcClient jdbc, JdbcTemplate template, PostgisSupport postgis, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.postgis = postgis;
		this.json = json;
	}

	public long recordDelivery(Path root) {
		return this.jdbc.sql("""
				insert into delivery (path, name, last_ingest) values (:path, :name, now())
				on conflict (path) do update set last_ingest = now()
				returning id""")
			.param("path", root.toString())
			.param("name", root.getFileName().toString())
			.query(Long.class)
			.single();
	}

	public Optional<Long> findDelivery(Path root) {
		return this.jdbc.sql("select id from delivery where path = :path")
			.param("path", root.toString())
			.query(Long.class)
			.optional();
	}

	/** The dossier row for a folder, created as pending when new. */
	public long recordDossier(long deliveryId, String folder) {
		return this.jdbc.sql("""
				insert into dossier (delivery_id, folder, status) values (:delivery, :folder, 'pending')
				on conflict (delivery_id, folder) do update set folder = excluded.folder
				returning id""")
			.param("delivery", deliveryId)
			.param("folder", folder)
			.query(Long.class)
			.single();
	}

	/** Keeps the manifest row of a dossier as delivered (null when the manifest does not list it). */
	public void recordManifest(long dossierId, Manifest.Entry entry) {
		this.jdbc.sql("""
				update dossier set manifest = case when :listed then jsonb_strip_nulls(jsonb_build_object(
				  'reference', cast(:reference as text), 'municipalityNis', cast(:nis as text),
				  'box', cast(:box as text), 'notes', cast(:notes as text))) end
				where id = :id""")
			.param("listed", entry != null)
			.param("reference", (entry != null) ? entry.reference() : null)
			.param("nis", (entry != null) ? entry.municipalityNis() : null)
			.param("box", (entry != null) ? entry.box() : null)
			.param("notes", (entry != null) ? entry.notes() : null)
			.param("id", dossierId)
			.update();
	}

	public void deliveryIssue(long deliveryId, String code, String message) {
		this.jdbc.sql("""
				insert into delivery_issue (delivery_id, code, message) values (:delivery, :code, :message)
				on conflict do nothing""")
			.param("delivery", deliveryId)
			.param("code", code)
			.param("message", message)
			.update();
	}

	public Optional<KnownDocument> findDocument(long dossierId, String path) {
		return this.jdbc.sql("""
				select id, size_bytes, modified_at, sha256, status from document
				where dossier_id = :dossier and path = :path""")
			.param("dossier", dossierId)
			.param("path", path)
			.query((rs, n) -> new KnownDocument(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
					rs.getString(4), rs.getString(5)))
			.optional();
	}

	/** The paths of the documents the register holds for a dossier, with their hashes. */
	public Map<String, String> documentPaths(long dossierId) {
		Map<String, String> paths = new LinkedHashMap<>();
		this.jdbc.sql("select path, sha256 from document where dossier_id = :dossier order by path")
			.param("dossier", dossierId)
			.query((rs) -> {
				paths.put(rs.getString(1), rs.getString(2));
			});
		return paths;
	}

	/**
	 * A document whose file is no longer in its dossier folder: removed with its pages (nothing that is not on disk
	 * stays in the register), recorded in quarantine as {@code missing}.
	 */
	public void documentGone(long deliveryId, long dossierId, String path, String deliveryPath, String sha256,
			String detail) {
		this.jdbc.sql("delete from document where dossier_id = :dossier and path = :path")
			.param("dossier", dossierId)
			.param("path", path)
			.update();
		quarantine(deliveryId, dossierId, deliveryPath, sha256, new Quarantined(QuarantineReason.MISSING, detail));
	}

	/** Records a new or changed document as pending (its old pages, if any, are removed). */
	public long recordDocument(long dossierId, String path, long size, Instant modified, String sha256,
			String mediaType, Integer pageCount, String status) {
		long id = this.jdbc.sql("""
				insert into document (dossier_id, path, size_bytes, modified_at, sha256, media_type, status, page_count)
				values (:dossier, :path, :size, :modified, :sha, :type, :status, :pages)
				on conflict (dossier_id, path) do update set size_bytes = excluded.size_bytes,
				  modified_at = excluded.modified_at, sha256 = excluded.sha256, media_type = excluded.media_type,
				  status = excluded.status, page_count = excluded.page_count
				returning id""")
			.param("dossier", dossierId)
			.param("path", path)
			.param("size", size)
			.param("modified", Timestamp.from(modified))
			.param("sha", sha256)
			.param("type", mediaType)
			.param("status", status)
			.param("pages", pageCount)
			.query(Long.class)
			.single();
		this.jdbc.sql("delete from page where document_id = :id").param("id", id).update();
		return id;
	}

	public void touchDocument(long documentId, Instant modified) {
		this.jdbc.sql("update document set modified_at = :modified where id = :id")
			.param("modified", Timestamp.from(modified))
			.param("id", documentId)
			.update();
	}

	public void quarantine(long deliveryId, Long dossierId, String path, String sha256, Quarantined quarantined) {
		this.jdbc.sql("""
				insert into quarantine (delivery_id, dossier_id, path, sha256, reason_code, message)
				values (:delivery, :dossier, :path, :sha, :reason, :message)
				on conflict (delivery_id, path) do update set sha256 = excluded.sha256,
				  reason_code = excluded.reason_code, message = excluded.message, created_at = now()""")
			.param("delivery", deliveryId)
			.param("dossier", dossierId)
			.param("path", path)
			.param("sha", sha256)
			.param("reason", quarantined.reason().code())
			.param("message", quarantined.detail())
			.update();
	}

	public void releaseFromQuarantine(long deliveryId, String path) {
		this.jdbc.sql("delete from quarantine where delivery_id = :delivery and path = :path")
			.param("delivery", deliveryId)
			.param("path", path)
			.update();
	}

	public void setDossierStatus(long dossierId, DossierStatus status) {
		this.jdbc.sql("update dossier set status = :status where id = :id")
			.param("status", status.code())
			.param("id", dossierId)
			.update();
	}

	public String dossierStatus(long dossierId) {
		return this.jdbc.sql("select status from dossier where id = :id").param("id", dossierId)
			.query(String.class).single();
	}

	/** The delivery's dossiers still waiting for OCR, by folder name, with their readable documents. */
	/** How many dossiers of the delivery wait for OCR, and how many pages their readable files hold. */
	public PendingWork pendingWork(long deliveryId) {
		return this.jdbc.sql("""
				select count(distinct d.id), coalesce(sum(doc.page_count), 0)
				from dossier d left join document doc on doc.dossier_id = d.id and doc.status <> 'quarantined'
				where d.delivery_id = :delivery and d.status = 'pending'""")
			.param("delivery", deliveryId)
			.query((rs, row) -> new PendingWork(rs.getInt(1), rs.getLong(2)))
			.single();
	}

	/** Dossiers waiting for OCR and the pages of their readable files. */
	public record PendingWork(int dossiers, long pages) {
	}

	public List<PendingDossier> pendingDossiers(long deliveryId) {
		return pendingDossiers(deliveryId, 1, 0);
	}

	/**
	 * The pending dossiers of a delivery whose id leaves {@code remainder} when divided by {@code modulus}: one of
	 * {@code modulus} disjoint shares that together hold every dossier, whatever becomes pending later.
	 */
	public List<PendingDossier> pendingDossiers(long deliveryId, int modulus, int remainder) {
		if (modulus < 1 || remainder < 0 || remainder >= modulus) {
			throw new IllegalArgumentException("no share " + remainder + " of " + modulus);
		}
		Map<Long, PendingBuilder> dossiers = new LinkedHashMap<>();
		this.jdbc.sql("""
				select d.id, d.folder, dl.path, doc.id, doc.path, doc.sha256, doc.media_type, doc.size_bytes,
				  doc.modified_at
				from dossier d join delivery dl on dl.id = d.delivery_id
				left join document doc on doc.dossier_id = d.id and doc.status <> 'quarantined'
				where d.delivery_id = :delivery and d.status = 'pending' and mod(d.id, :modulus) = :remainder
				order by d.folder, doc.path""")
			.param("delivery", deliveryId)
			.param("modulus", modulus)
			.param("remainder", remainder)
			.query((rs) -> {
				PendingBuilder builder = dossiers.computeIfAbsent(rs.getLong(1),
						(id) -> new PendingBuilder(id, rs2(rs, 2), Path.of(rs2(rs, 3))));
				if (rs.getObject(4) != null) {
					builder.documents.add(new PendingDocument(rs.getLong(4), rs.getString(5), rs.getString(6),
							rs.getString(7), rs.getLong(8), rs.getTimestamp(9).toInstant()));
				}
			});
		return dossiers.values().stream().map(PendingBuilder::build).toList();
	}

	private static String rs2(java.sql.ResultSet rs, int column) {
		try {
			return rs.getString(column);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Writes a processed dossier: its pages, documents, quarantine entries, issues and status. */
	public void write(ProcessedDossier dossier, long deliveryId, String deliveryRelativePrefix) {
		List<Object[]> pages = new ArrayList<>();
		for (DocumentOutcome document : dossier.documents()) {
			this.jdbc.sql("delete from page where document_id = :id").param("id", document.id()).update();
			if (document.quarantined() != null) {
				this.jdbc.sql("update document set status = 'quarantined' where id = :id")
					.param("id", document.id())
					.update();
				String sha = this.jdbc.sql("select sha256 from document where id = :id").param("id", document.id())
					.query(String.class).single();
				quarantine(deliveryId, dossier.id(), deliveryRelativePrefix + document.path(), sha,
						document.quarantined());
				if (document.quarantined().reason() == QuarantineReason.MISSING) {
					// nothing that is not on disk stays in the register; the quarantine entry says it went
					this.jdbc.sql("delete from document where id = :id").param("id", document.id()).update();
				}
				else if (document.quarantined().reason() == QuarantineReason.CHANGED) {
					// whatever its size and time say now, the next discovery reads it again
					this.jdbc.sql("update document set modified_at = 'epoch' where id = :id")
						.param("id", document.id())
						.update();
				}
				continue;
			}
			this.jdbc.sql("update document set status = 'registered', page_count = :pages where id = :id")
				.param("pages", document.pages().size())
				.param("id", document.id())
				.update();
			for (PageResult page : document.pages()) {
				pages.add(new Object[] { document.id(), page.index(), page.kind().code(), page.dpi(), page.width(),
						page.height(), page.rotation(), page.text().replace("\u0000", ""), page.meanConfidence(),
						page.wordCount(), page.engine(), page.skippedWhy(), page.altoPath() });
			}
		}
		this.template.batchUpdate("""
				insert into page (document_id, page_index, kind, dpi, width_px, height_px, rotation, text,
				  mean_confidence, word_count, ocr_engine, skipped_why, alto_path)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", pages);
		recordStoreFiles(dossier.storeFiles());
		this.jdbc.sql("delete from dossier_issue where dossier_id = :id").param("id", dossier.id()).update();
		dossier.issues().forEach((issue) -> addIssue(dossier.id(), issue));
		// every file of the dossier in quarantine, found now or at discovery, is an issue of the dossier
		int quarantined = this.jdbc.sql("""
				insert into dossier_issue (dossier_id, code, message)
				select :id, 'file-quarantined', path || ': ' || reason_code || ' (' || message || ')'
				from quarantine where dossier_id = :id
				on conflict do nothing""")
			.param("id", dossier.id())
			.update();
		DossierStatus status = dossier.status();
		if (status == DossierStatus.REGISTERED && quarantined > 0) {
			status = DossierStatus.NEEDS_REVIEW;
		}
		else if (status == DossierStatus.QUARANTINED && quarantined == 0) {
			status = DossierStatus.NEEDS_REVIEW; // an empty folder: nothing lost, but someone should look
		}
		List<PageResult> all = dossier.pages();
		long ocrd = all.stream().filter(PageResult::ocrd).count();
		Double meanConfidence = all.stream()
			.filter((p) -> p.meanConfidence() != null && p.wordCount() > 0)
			.mapToDouble(PageResult::meanConfidence)
			.average()
			.stream()
			.boxed()
			.findFirst()
			.orElse(null);
		this.jdbc.sql("""
				update dossier set status = :status, store_key = :key, searchable_pdf = :pdf, page_count = :pages,
				  pages_ocrd = :ocrd, pages_skipped = :skipped, mean_confidence = :confidence, registered_at = now()
				where id = :id""")
			.param("status", status.code())
			.param("key", dossier.storeKey())
			.param("pdf", (dossier.searchablePdf() != null) ? dossier.searchablePdf().toString() : null)
			.param("pages", all.size())
			.param("ocrd", ocrd)
			.param("skipped", all.size() - ocrd)
			.param("confidence", meanConfidence)
			.param("id", dossier.id())
			.update();
	}

	/**
	 * The dossiers with outputs in the store (registered, or pending to be made again), of one delivery or of every
	 * delivery ({@code deliveryId} null), with the access copy and the ALTO files the register points at.
	 */
	public List<StoredDossier> storedDossiers(Long deliveryId) {
		Map<Long, StoredDossier> dossiers = new LinkedHashMap<>();
		this.jdbc.sql("""
				select d.id, dl.path, d.folder, d.store_key, d.searchable_pdf, p.alto_path
				from dossier d join delivery dl on dl.id = d.delivery_id
				left join document doc on doc.dossier_id = d.id
				left join page p on p.document_id = doc.id and p.alto_path is not null
				where d.store_key is not null and d.status in ('registered', 'needs-review', 'pending')
				  and (cast(:delivery as bigint) is null or d.delivery_id = :delivery)
				order by dl.path, d.folder, d.id""")
			.param("delivery", deliveryId)
			.query((rs) -> {
				StoredDossier dossier = dossiers.computeIfAbsent(rs.getLong(1), (id) -> new StoredDossier(id,
						rs2(rs, 2), rs2(rs, 3), rs2(rs, 4), rs2(rs, 5), new ArrayList<>()));
				if (rs.getString(6) != null) {
					dossier.altoPaths().add(rs.getString(6));
				}
			});
		return List.copyOf(dossiers.values());
	}

	/** A registered dossier's outputs as the register records them. */
	public record StoredDossier(long id, String delivery, String folder, String storeKey, String searchablePdf,
			List<String> altoPaths) {
	}

	/** Records the checksums of files written to the store (a file written again gets its new checksum). */
	public void recordStoreFiles(java.util.Collection<StoredFile> files) {
		if (files.isEmpty()) {
			return;
		}
		this.template.batchUpdate("""
				insert into store_file (path, sha256, size_bytes) values (?, ?, ?)
				on conflict (path) do update set sha256 = excluded.sha256, size_bytes = excluded.size_bytes,
				  recorded_at = now()""", files.stream()
			.map((f) -> new Object[] { f.path(), f.sha256(), f.size() })
			.toList());
	}

	/** The files recorded under {@code prefix} of the store (a dossier's folder: "dossiers/ab/abcd.../"). */
	public List<StoredFile> storeFiles(String prefix) {
		return this.jdbc.sql("""
				select path, sha256, size_bytes from store_file where starts_with(path, :prefix) order by path""")
			.param("prefix", prefix)
			.query((rs, row) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	/** The recorded file at {@code path} of the store, if any. */
	public Optional<StoredFile> storeFile(String path) {
		return this.jdbc.sql("select path, sha256, size_bytes from store_file where path = :path")
			.param("path", path)
			.query((rs, row) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.optional();
	}

	/** The delivery as the register holds it now. */
	public IngestSummary summary(long deliveryId) {
		String path = this.jdbc.sql("select path from delivery where id = :id").param("id", deliveryId)
			.query(String.class).single();
		Map<String, Integer> dossiers = new LinkedHashMap<>();
		this.jdbc.sql("select status, count(*) from dossier where delivery_id = :id group by status order by status")
			.param("id", deliveryId)
			.query((rs) -> {
				dossiers.put(rs.getString(1), rs.getInt(2));
			});
		Map<String, Integer> kinds = new LinkedHashMap<>();
		int[] totals = new int[2];
		Double[] confidence = new Double[1];
		this.jdbc.sql("""
				select p.kind, count(*), count(p.ocr_engine), avg(p.mean_confidence) filter (where p.word_count > 0)
				from page p join document doc on doc.id = p.document_id join dossier d on d.id = doc.dossier_id
				where d.delivery_id = :id group by p.kind order by p.kind""")
			.param("id", deliveryId)
			.query((rs) -> {
				kinds.put(rs.getString(1), rs.getInt(2));
				totals[0] += rs.getInt(2);
				totals[1] += rs.getInt(3);
			});
		confidence[0] = this.jdbc.sql("""
				select avg(p.mean_confidence) from page p join document doc on doc.id = p.document_id
				join dossier d on d.id = doc.dossier_id
				where d.delivery_id = :id and p.word_count > 0 and p.ocr_engine is not null""")
			.param("id", deliveryId)
			.query(Double.class)
			.optional()
			.orElse(null);
		List<QuarantineEntry> quarantine = this.jdbc
			.sql("select path, reason_code, message from quarantine where delivery_id = :id order by path")
			.param("id", deliveryId)
			.query((rs, n) -> new QuarantineEntry(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		List<String> review = this.jdbc.sql("""
				select d.folder || coalesce(' (' || string_agg(distinct i.code, ', ') || ')', '') from dossier d
				left join dossier_issue i on i.dossier_id = d.id
				where d.delivery_id = :id and d.status = 'needs-review' group by d.folder order by d.folder""")
			.param("id", deliveryId)
			.query(String.class)
			.list();
		IngestSummary.Metadata metadata = this.jdbc.sql("""
				select count(reference), count(decision_date),
				  count(*) filter (where exists (select 1 from dossier_parcel p where p.dossier_id = d.id)
				    or exists (select 1 from dossier_address a where a.dossier_id = d.id)),
				  count(geometry)
				from dossier d where delivery_id = :id""")
			.param("id", deliveryId)
			.query((rs, n) -> new IngestSummary.Metadata(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.single();
		return new IngestSummary(path, dossiers, totals[0], totals[1], kinds, confidence[0], quarantine, review,
				metadata);
	}

	/** Registered dossiers of the delivery whose metadata was never read, or read before their last registration. */
	public List<Long> dossiersToExtract(long deliveryId) {
		return this.jdbc.sql("""
				select id from dossier where delivery_id = :delivery and status in ('registered', 'needs-review')
				and (extracted_at is null or extracted_at < registered_at) order by folder""")
			.param("delivery", deliveryId)
			.query(Long.class)
			.list();
	}

	public DossierText dossierText(long dossierId) {
		Map<String, Object> dossier = this.jdbc.sql("""
				select folder, manifest ->> 'reference' as reference, manifest ->> 'municipalityNis' as nis,
				  manifest ->> 'box' as box, manifest ->> 'notes' as notes, manifest is not null as listed
				from dossier where id = :id""")
			.param("id", dossierId)
			.query()
			.singleRow();
		List<DossierText.Page> pages = this.jdbc.sql("""
				select doc.path, p.page_index, p.kind, p.text, p.alto_path from page p
				join document doc on doc.id = p.document_id
				where doc.dossier_id = :id and doc.status = 'registered' order by doc.path, p.page_index""")
			.param("id", dossierId)
			.query((rs, n) -> new DossierText.Page(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
		String folder = (String) dossier.get("folder");
		Manifest.Entry manifest = Boolean.TRUE.equals(dossier.get("listed"))
				? new Manifest.Entry(folder, (String) dossier.get("reference"), (String) dossier.get("nis"),
						(String) dossier.get("box"), (String) dossier.get("notes"))
				: null;
		return new DossierText(dossierId, folder, pages, manifest);
	}

	/**
	 * Writes the metadata read from a dossier: the projected columns, the applicant, address and parcel rows, the
	 * provenance and conflicts, the review reasons as issues (replacing those of an earlier extraction), and the
	 * status that follows from all the dossier's issues.
	 */
	public void writeMetadata(long dossierId, DossierMetadata metadata) {
		this.jdbc.sql("""
				update dossier set reference = :reference, omv_number = :omv, municipality_nis = :nis,
				  permit_type = :type, decision = :decision, decision_date = :date, subject = :subject,
				  metadata = cast(:metadata as jsonb), extracted_at = clock_timestamp()
				where id = :id""")
			.param("reference", metadata.reference())
			.param("omv", metadata.omvNumber())
			.param("nis", metadata.municipalityNis())
			.param("type", metadata.permitType())
			.param("decision", metadata.decision())
			.param("date", metadata.decisionDate())
			.param("subject", metadata.subject())
			.param("metadata", metadata.provenanceJson())
			.param("id", dossierId)
			.update();
		for (String table : List.of("dossier_applicant", "dossier_address", "dossier_parcel")) {
			this.jdbc.sql("delete from " + table + " where dossier_id = :id").param("id", dossierId).update();
		}
		for (DossierMetadata.Item item : metadata.applicants()) {
			this.jdbc.sql("""
					insert into dossier_applicant (dossier_id, name, kind, personal_data, confidence, method, evidence)
					values (:id, :name, :kind, :personal, :confidence, :method, cast(:evidence as jsonb))""")
				.param("id", dossierId)
				.param("name", item.values().get("name"))
				.param("kind", item.values().get("kind"))
				.param("personal", "natural-person".equals(item.values().get("kind")))
				.param("confidence", item.confidence())
				.param("method", item.method())
				.param("evidence", item.evidenceJson())
				.update();
		}
		for (DossierMetadata.Item item : metadata.addresses()) {
			this.jdbc.sql("""
					insert into dossier_address (dossier_id, street, house_number, box_number, postcode, municipality,
					  address_id, as_written, confidence, method, evidence)
					values (:id, :street, :number, :box, :postcode, :municipality, :address, :written, :confidence,
					  :method, cast(:evidence as jsonb))""")
				.param("id", dossierId)
				.param("address", item.values().get("addressId"))
				.param("written", item.values().get("asWritten"))
				.param("street", item.values().get("street"))
				.param("number", item.values().get("houseNumber"))
				.param("box", item.values().get("boxNumber"))
				.param("postcode", item.values().get("postcode"))
				.param("municipality", item.values().get("municipality"))
				.param("confidence", item.confidence())
				.param("method", item.method())
				.param("evidence", item.evidenceJson())
				.update();
		}
		for (DossierMetadata.Item item : metadata.parcels()) {
			this.jdbc.sql("""
					insert into dossier_parcel (dossier_id, capakey, as_written, part, confidence, method, evidence)
					values (:id, :capakey, :written, :part, :confidence, :method, cast(:evidence as jsonb))""")
				.param("id", dossierId)
				.param("capakey", item.values().get("capakey"))
				.param("written", item.values().get("asWritten"))
				.param("part", Boolean.parseBoolean(item.values().get("part")))
				.param("confidence", item.confidence())
				.param("method", item.method())
				.param("evidence", item.evidenceJson())
				.update();
		}
		replaceIssues(dossierId, "extract.", metadata.issues());
	}

	/**
	 * Replaces the dossier's issues whose code starts with {@code prefix} (one step's issues) and sets the status
	 * that follows from all its issues: needs-review while any remains.
	 */
	private void replaceIssues(long dossierId, String prefix, List<Issue> issues) {
		this.jdbc.sql("delete from dossier_issue where dossier_id = :id and code like :prefix")
			.param("id", dossierId)
			.param("prefix", prefix + "%")
			.update();
		issues.forEach((issue) -> addIssue(dossierId, issue));
		// notes (a page read with low confidence) are shown with the dossier but do not hold it for review
		this.jdbc.sql("""
				update dossier set status = case when exists (select 1 from dossier_issue i where i.dossier_id = dossier.id
				  and i.code not in (%s))
				  then 'needs-review' else 'registered' end
				where id = :id and status in ('registered', 'needs-review')""".formatted(Issue.notesSql()))
			.param("id", dossierId)
			.update();
	}

	private void addIssue(long dossierId, Issue issue) {
		this.jdbc.sql("""
				insert into dossier_issue (dossier_id, code, message) values (:id, :code, :message)
				on conflict do nothing""")
			.param("id", dossierId)
			.param("code", issue.code())
			.param("message", issue.message())
			.update();
	}

	/** Dossiers of the delivery whose metadata is newer than their georeference. */
	public List<Long> dossiersToGeoreference(long deliveryId) {
		return this.jdbc.sql("""
				select id from dossier where delivery_id = :delivery and extracted_at is not null
				and (georef_at is null or georef_at < extracted_at) order by folder""")
			.param("delivery", deliveryId)
			.query(Long.class)
			.list();
	}

	/** Every dossier with metadata, for re-georeferencing the whole register against a new map. */
	public List<Long> dossiersWithMetadata() {
		return this.jdbc.sql("select id from dossier where extracted_at is not null order by id")
			.query(Long.class)
			.list();
	}

	/** What the dossier's metadata says about where it lies. */
	public DossierPlaces places(long dossierId) {
		String nis = this.jdbc.sql("select municipality_nis from dossier where id = :id").param("id", dossierId)
			.query(String.class).optional().orElse(null);
		List<WrittenParcel> parcels = this.jdbc.sql(
				"select capakey, as_written from dossier_parcel where dossier_id = :id order by id")
			.param("id", dossierId)
			.query((rs, n) -> new WrittenParcel((rs.getString(1) != null) ? CaPaKey.parse(rs.getString(1)) : null,
					rs.getString(2)))
			.list();
		List<WrittenAddress> addresses = this.jdbc.sql("""
				select street, house_number, box_number, postcode, municipality, address_id from dossier_address
				where dossier_id = :id order by id""")
			.param("id", dossierId)
			.query((rs, n) -> new WrittenAddress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
		return new DossierPlaces(Long.toString(dossierId), nis, parcels, addresses);
	}

	/**
	 * Writes where a dossier lies: its polygon (WKB, Lambert 72) and bounding box, method, confidence, flags, the
	 * matched address ids, and the georeference issues; then the status that follows from all its issues.
	 */
	public void writeGeoreference(long dossierId, long versionId, Georeference georeference, byte[] wkb,
			List<String> addressIds, List<Issue> issues) {
		Envelope box = (georeference.geometry() != null) ? georeference.geometry().getEnvelopeInternal() : null;
		this.jdbc.sql("""
				update dossier set geometry = :wkb, min_x = :minx, min_y = :miny, max_x = :maxx, max_y = :maxy,
				  georef_method = :method, georef_confidence = :confidence, georef_version_id = :version,
				  georef_flags = cast(:flags as jsonb), georef_at = clock_timestamp(),
				  georef_parcels = cast(:parcels as jsonb)
				where id = :id""")
			.param("parcels", jsonArray(georeference.parcels().stream()
				.flatMap((p) -> p.onMap().stream())
				.map(CaPaKey::toString)
				.distinct()
				.toList()))
			.param("wkb", wkb)
			.param("minx", (box != null) ? box.getMinX() : null)
			.param("miny", (box != null) ? box.getMinY() : null)
			.param("maxx", (box != null) ? box.getMaxX() : null)
			.param("maxy", (box != null) ? box.getMaxY() : null)
			.param("method", georeference.method().value())
			.param("confidence", georeference.confidence())
			.param("version", versionId)
			.param("flags", jsonArray(georeference.flags().stream()
				.map((f) -> f.name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.sorted()
				.toList()))
			.param("id", dossierId)
			.update();
		if (this.postgis.enabled()) {
			this.jdbc.sql("update dossier set geom = ST_GeomFromWKB(geometry, 31370) where id = :id")
				.param("id", dossierId)
				.update();
		}
		List<Long> addressRows = this.jdbc.sql("select id from dossier_address where dossier_id = :id order by id")
			.param("id", dossierId)
			.query(Long.class)
			.list();
		for (int i = 0; i < addressRows.size() && i < addressIds.size(); i++) {
			this.jdbc.sql("update dossier_address set address_id = :address where id = :id")
				.param("address", addressIds.get(i))
				.param("id", addressRows.get(i))
				.update();
		}
		replaceIssues(dossierId, "georef.", issues);
	}

	/** Dossiers placed on a map version other than {@code versionId}: id, version, parcels, geometry. */
	public List<PlacedOnMap> placedElsewhere(long versionId) {
		return this.jdbc.sql("""
				select id, georef_version_id, null, cast(georef_parcels as text), geometry from dossier
				where georef_version_id is not null and georef_version_id <> :version order by id""")
			.param("version", versionId)
			.query((rs, n) -> new PlacedOnMap(rs.getLong(1), rs.getLong(2), parseKeys(rs.getString(4)),
					rs.getBytes(5)))
			.list();
	}

	private List<String> parseKeys(String array) {
		if (array == null || array.isBlank()) {
			return List.of();
		}
		List<String> keys = new ArrayList<>();
		this.json.readTree(array).forEach((node) -> keys.add(node.asString()));
		return keys;
	}

	/**
	 * Moves a dossier to a new map version: its new polygon and parcels, and, when the polygon changed, a history row
	 * with the old and new geometry, the areas and why, plus an issue when parcels vanished without successor.
	 */
	public void realign(long dossierId, long oldVersion, long newVersion, byte[] oldWkb, byte[] newWkb,
			double oldArea, double newArea, List<String> newParcels, List<String> kinds, List<String> reasons,
			boolean vanished) {
		this.jdbc.sql("""
				insert into dossier_geometry_change (dossier_id, old_version_id, new_version_id, old_geometry,
				  new_geometry, old_area, new_area, kinds, reasons)
				values (:id, :old, :new, :oldWkb, :newWkb, :oldArea, :newArea, cast(:kinds as jsonb),
				  cast(:reasons as jsonb))""")
			.param("id", dossierId)
			.param("old", oldVersion)
			.param("new", newVersion)
			.param("oldWkb", oldWkb)
			.param("newWkb", newWkb)
			.param("oldArea", oldArea)
			.param("newArea", newArea)
			.param("kinds", jsonArray(kinds))
			.param("reasons", jsonArray(reasons))
			.update();
		this.jdbc.sql("""
				update dossier set geometry = :wkb, georef_version_id = :version, georef_parcels = cast(:parcels as jsonb)
				where id = :id""")
			.param("wkb", newWkb)
			.param("version", newVersion)
			.param("parcels", jsonArray(newParcels))
			.param("id", dossierId)
			.update();
		if (this.postgis.enabled()) {
			this.jdbc.sql("update dossier set geom = ST_GeomFromWKB(geometry, 31370) where id = :id")
				.param("id", dossierId)
				.update();
		}
		if (vanished) {
			addIssue(dossierId, new Issue("georef.parcel-vanished", String.join("; ", reasons)));
			this.jdbc.sql("update dossier set status = 'needs-review' where id = :id and status = 'registered'")
				.param("id", dossierId)
				.update();
		}
	}

	/** Moves a dossier whose polygon does not change to a new map version. */
	public void keepOnNewVersion(long dossierId, long newVersion) {
		this.jdbc.sql("update dossier set georef_version_id = :version where id = :id")
			.param("version", newVersion)
			.param("id", dossierId)
			.update();
	}

	private String jsonArray(List<String> values) {
		return this.json.writeValueAsString(values);
	}

	/** A dossier as placed on some map version. */
	public record PlacedOnMap(long dossierId, long versionId, List<String> parcels, byte[] geometry) {
	}

	/**
	 * Keeps a validation of a delivery: the verdict, whether it was ingested anyway, the JSON report and the
	 * findings with their messages.
	 */
	public void recordValidation(long deliveryId, ValidationReport report, boolean acceptedWithFindings,
			String reportJson, java.util.function.Function<Finding, String> message, String fingerprint) {
		long id = this.jdbc.sql("""
				insert into delivery_validation (delivery_id, validated_at, verdict, accepted_with_findings, report,
				  fingerprint)
				values (:delivery, :at, :verdict, :anyway, cast(:report as jsonb), :fingerprint) returning id""")
			.param("fingerprint", fingerprint)
			.param("delivery", deliveryId)
			.param("at", Timestamp.from(report.validatedAt()))
			.param("verdict", report.verdict().name().toLowerCase(Locale.ROOT))
			.param("anyway", acceptedWithFindings)
			.param("report", reportJson)
			.query(Long.class)
			.single();
		this.template.batchUpdate("""
				insert into delivery_finding (validation_id, rule, severity, dossier, file, page, message)
				values (?, ?, ?, ?, ?, ?, ?)""", report.findings().stream()
			.map((f) -> new Object[] { id, f.rule(), f.severity().name().toLowerCase(Locale.ROOT), f.dossier(),
					f.file(), f.page(), message.apply(f) })
			.toList());
	}

	/** The verdict of the last validation of the delivery when it looked exactly as {@code fingerprint} says. */
	public Optional<String> verdictFor(long deliveryId, String fingerprint) {
		return this.jdbc.sql("""
				select verdict from delivery_validation where delivery_id = :delivery and fingerprint = :fingerprint
				order by id desc limit 1""")
			.param("delivery", deliveryId)
			.param("fingerprint", fingerprint)
			.query(String.class)
			.optional();
	}

	/** A document row as it was at the previous run. */
	public record KnownDocument(long id, long size, Instant modified, String sha256, String status) {
	}

	private static final class PendingBuilder {

		private final long id;

		private final String folder;

		private final Path dir;

		private final List<PendingDocument> documents = new ArrayList<>();

		PendingBuilder(long id, String folder, Path deliveryRoot) {
			this.id = id;
			this.folder = folder;
			this.dir = deliveryRoot;
		}

		PendingDossier build() {
			return new PendingDossier(this.id, this.folder,
					be.permitarchive.ingest.DeliveryLayout.payloadDir(this.dir).resolve(this.folder), this.documents);
		}

	}

}
