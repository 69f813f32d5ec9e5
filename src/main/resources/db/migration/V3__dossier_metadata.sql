-- Metadata read from the dossiers (docs/standard.md, "The register record"), the contractor's manifest row, and
-- delivery-level findings. The projected columns are for queries (a notary letter asks by parcel or reference);
-- metadata holds every field with its confidence, method and evidence, and the conflicts.

alter table dossier
    add column manifest         jsonb,          -- the manifest.csv row for this folder, as delivered
    add column reference        text,           -- municipal dossier number as written ("BV 88/214")
    add column omv_number       text,           -- Omgevingsloket project number (OMV_2023072614)
    add column municipality_nis text,
    add column permit_type      text,           -- vocabulary: docs/standard.md
    add column decision         text,           -- verleend | geweigerd | gedeeltelijk-verleend | onbekend
    add column decision_date    date,
    add column subject          text,
    add column metadata         jsonb,          -- every field with confidence, method, evidence; conflicts
    add column extracted_at     timestamptz;

create index dossier_reference on dossier (reference);
create index dossier_omv_number on dossier (omv_number);

create table dossier_applicant (
    id            bigserial primary key,
    dossier_id    bigint  not null references dossier (id) on delete cascade,
    name          text    not null,
    kind          text    not null,             -- natural-person | legal-entity
    personal_data boolean not null,             -- true for natural persons (GDPR): left out of public exports
    confidence    real    not null
);

create table dossier_address (
    id           bigserial primary key,
    dossier_id   bigint not null references dossier (id) on delete cascade,
    street       text,
    house_number text,
    box_number   text,
    postcode     text,
    municipality text,
    address_id   text,                          -- the address register's id, once georeferenced
    confidence   real   not null
);

create table dossier_parcel (
    id          bigserial primary key,
    dossier_id  bigint  not null references dossier (id) on delete cascade,
    capakey     varchar(17),                    -- null when the division could not be resolved
    as_written  text    not null,               -- always kept, as it stands in the document
    part        boolean not null default false, -- "(deel)", "pie": part of the parcel
    confidence  real    not null
);
create index dossier_parcel_capakey on dossier_parcel (capakey);

create table delivery_issue (
    id          bigserial primary key,
    delivery_id bigint not null references delivery (id) on delete cascade,
    code        text   not null,
    message     text   not null,
    unique (delivery_id, code, message)
);
