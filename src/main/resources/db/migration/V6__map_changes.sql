-- Which map parcels a dossier's polygon is made of, and the history of its polygon across map versions.
alter table dossier add column georef_parcels jsonb;   -- CaPaKeys on the map version georef_version_id

create table dossier_geometry_change (
    id              bigserial primary key,
    dossier_id      bigint  not null references dossier (id) on delete cascade,
    old_version_id  bigint  references reference_version (id),
    new_version_id  bigint  not null references reference_version (id),
    old_geometry    bytea,                      -- WKB, EPSG:31370
    new_geometry    bytea,
    old_area        double precision,           -- m2
    new_area        double precision,
    kinds           jsonb   not null,           -- split | merged | renumbered | redrawn | vanished ...
    reasons         jsonb   not null,           -- in words, for the reviewer
    changed_at      timestamptz not null default now()
);
create index dossier_geometry_change_dossier on dossier_geometry_change (dossier_id);
