-- Reference data, versioned: every load is a new version (map date = load time) and old versions are kept, so a
-- dossier's polygon can be traced to the map it was drawn on and re-aligned when a new map arrives.

create table reference_version (
    id              bigserial primary key,
    source          text        not null,       -- the folder it was loaded from
    content_sha256  char(64)    not null,       -- of its files: loading the same folder twice adds no version
    loaded_at       timestamptz not null default now(),
    parcels         integer     not null,
    addresses       integer     not null,
    divisions       integer     not null,
    repaired        integer     not null,       -- geometries repaired on load (see report)
    rejected        integer     not null,       -- features refused on load (see report)
    report          jsonb       not null default '[]'
);

create table ref_parcel (
    version_id  bigint      not null references reference_version (id) on delete cascade,
    capakey     varchar(17) not null,
    geometry    bytea       not null,           -- WKB, EPSG:31370 (Lambert 72)
    min_x double precision not null, min_y double precision not null,
    max_x double precision not null, max_y double precision not null,
    primary key (version_id, capakey)
);

create table ref_division (
    version_id       bigint  not null references reference_version (id) on delete cascade,
    code             char(5) not null,
    name             text    not null,
    municipality_nis text    not null,
    ordinal          integer not null,
    primary key (version_id, code)
);

create table ref_address (
    version_id   bigint not null references reference_version (id) on delete cascade,
    address_id   text   not null,
    street       text   not null,
    house_number text,
    box_number   text,
    postcode     text,
    municipality text,
    nis_code     text,
    x double precision not null,
    y double precision not null,
    primary key (version_id, address_id)
);

create table ref_street_alias (
    version_id bigint not null references reference_version (id) on delete cascade,
    alias      text   not null,
    street     text   not null,
    nis_code   text
);

alter table dossier
    add column geometry          bytea,            -- WKB, EPSG:31370: the union of the dossier's parcels
    add column min_x double precision, add column min_y double precision,
    add column max_x double precision, add column max_y double precision,
    add column georef_method     text,             -- capakey | address | manifest | none
    add column georef_confidence real,
    add column georef_version_id bigint references reference_version (id),
    add column georef_flags      jsonb,
    add column georef_at         timestamptz;

create index dossier_bbox on dossier (min_x, max_x, min_y, max_y);
