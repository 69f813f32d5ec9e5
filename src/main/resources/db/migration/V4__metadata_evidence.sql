-- Each applicant, address and parcel keeps how it was found and where it was read, like the single-valued fields.
alter table dossier_applicant add column method text, add column evidence jsonb;
alter table dossier_address add column method text, add column evidence jsonb;
alter table dossier_parcel add column method text, add column evidence jsonb;
