-- Portable between PostgreSQL and H2: no vendor types.

-- What the offboarding webhook received, without personal data, so that it outlives an erasure: HMACs (under a
-- key derived from the link secret) of each delivery's id, kept a day, and of each leaver's employee id and last
-- working day it started an interview for, kept for good.
create table webhook_receipt (
    receipt_hash  varchar(64) primary key,
    kind          varchar(16) not null,
    received_at   timestamp with time zone not null
);

create index ix_webhook_receipt_kind on webhook_receipt (kind, received_at);
