-- The checksum of every file the pipeline wrote to the content-addressed store (the dossier folders' PDF/A, text,
-- ALTO and pages.json, and the per-document OCR records), recorded when it was written: a reused store entry is
-- checked against it, and `archive verify` checks a whole store against the register (fixity).
create table store_file (
    path        text        primary key,   -- relative to the store root, '/'-separated
    sha256      text        not null,
    size_bytes  bigint      not null,
    recorded_at timestamptz not null default now()
);
