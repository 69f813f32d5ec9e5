-- The register: deliveries, dossiers, their original files (documents), pages and quarantine.
-- See docs/standard.md for the meaning of every column.

create table delivery (
    id           bigserial primary key,
    path         text        not null unique,   -- absolute path of the delivery folder as ingested
    name         text        not null,          -- folder name, for people
    first_seen   timestamptz not null default now(),
    last_ingest  timestamptz
);

create table dossier (
    id           bigserial primary key,
    delivery_id  bigint      not null references delivery (id),
    folder       text        not null,          -- dossier folder name within the delivery
    status       text        not null,          -- pending | registered | needs-review | quarantined
    store_key    text,                          -- content address of the dossier's outputs in the store
    searchable_pdf text,                        -- path of the searchable PDF/A-2b access copy
    page_count   integer     not null default 0,
    pages_ocrd   integer     not null default 0,
    pages_skipped integer    not null default 0,
    mean_confidence real,
    registered_at timestamptz,
    unique (delivery_id, folder)
);

create table document (
    id           bigserial primary key,
    dossier_id   bigint      not null references dossier (id),
    path         text        not null,          -- path relative to the dossier folder
    size_bytes   bigint      not null,
    modified_at  timestamptz not null,
    sha256       char(64)    not null,
    media_type   text        not null,          -- detected from content (Apache Tika), not the extension
    status       text        not null,          -- pending | registered | quarantined
    page_count   integer,
    unique (dossier_id, path)
);
create index document_sha256 on document (sha256);

create table page (
    id              bigserial primary key,
    document_id     bigint   not null references document (id) on delete cascade,
    page_index      integer  not null,          -- 0-based within the document
    kind            text     not null,          -- text | text-layer | blank | plan | photo | failed
    dpi             integer,
    width_px        integer,
    height_px       integer,
    rotation        integer  not null default 0,  -- degrees clockwise applied before OCR
    text            text     not null default '',
    mean_confidence real,                       -- mean word confidence 0-100, null when not OCR'd
    word_count      integer  not null default 0,
    ocr_engine      text,                       -- e.g. tesseract 5.3.0 nld
    skipped_why     text,                       -- why the page was not OCR'd (null when it was)
    alto_path       text,
    text_search     tsvector generated always as (to_tsvector('dutch', text)) stored,
    unique (document_id, page_index)
);
create index page_text_search on page using gin (text_search);

create table quarantine (
    id           bigserial primary key,
    delivery_id  bigint      not null references delivery (id),
    dossier_id   bigint      references dossier (id),
    path         text        not null,          -- path relative to the delivery folder
    sha256       char(64),
    reason_code  text        not null,
    message      text        not null,
    created_at   timestamptz not null default now(),
    unique (delivery_id, path)
);

create table dossier_issue (
    id           bigserial primary key,
    dossier_id   bigint      not null references dossier (id) on delete cascade,
    code         text        not null,
    message      text        not null,
    unique (dossier_id, code, message)
);
