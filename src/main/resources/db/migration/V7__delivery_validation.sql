-- Every validation of a delivery against the standard, with its verdict and findings, kept with the delivery.
create table delivery_validation (
    id                     bigserial primary key,
    delivery_id            bigint      not null references delivery (id) on delete cascade,
    validated_at           timestamptz not null,
    verdict                text        not null,     -- accepted | rejected
    accepted_with_findings boolean     not null,     -- ingested although rejected (--accept-with-findings)
    report                 jsonb       not null      -- the JSON acceptance report
);

create table delivery_finding (
    id            bigserial primary key,
    validation_id bigint  not null references delivery_validation (id) on delete cascade,
    rule          text    not null,
    severity      text    not null,                  -- reject | warn
    dossier       text,
    file          text,
    page          integer,
    message       text    not null
);
create index delivery_finding_rule on delivery_finding (rule);
