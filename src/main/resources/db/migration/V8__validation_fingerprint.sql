-- What the delivery looked like when it was validated (its files' paths, sizes and times): an unchanged delivery is
-- not validated again on the next run.
alter table delivery_validation add column fingerprint char(64);
