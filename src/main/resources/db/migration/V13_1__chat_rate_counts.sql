-- Portable between PostgreSQL and H2: no vendor types.

-- Requests to the employee's endpoints per key (SHA-256 of a link token or a client address, with its purpose) and
-- minute (minutes since 1970), shared by every node. Rows of past minutes are deleted as the next minute begins.
create table chat_rate_count (
    rate_key      varchar(64) not null,
    window_minute bigint      not null,
    hits          integer     not null,
    primary key (rate_key, window_minute)
);

create index ix_chat_rate_count_minute on chat_rate_count (window_minute);
