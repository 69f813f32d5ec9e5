-- A site address is registered as the address register gives it (official street name, number, box, postcode,
-- municipality and address id, found at extraction); what the document wrote ("Stw. op Heikant 154") is kept beside it.
alter table dossier_address add column as_written text;
