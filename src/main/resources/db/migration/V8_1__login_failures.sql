-- Portable between PostgreSQL and H2: no vendor types.

-- Failed logins in a row, per account and per client address (the key is the SHA-256 of either), shared by every
-- node. Rows are forgotten an hour after their last failure; a login that works deletes its account's row.
create table login_failure (
    throttle_key    varchar(64) primary key,
    failures        integer     not null,
    last_failed_at  timestamp with time zone not null
);

create index ix_login_failure_last on login_failure (last_failed_at);
