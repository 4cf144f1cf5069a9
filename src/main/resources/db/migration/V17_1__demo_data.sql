-- Portable between PostgreSQL and H2: no vendor types.

-- Demo interviews (EXITBOT_DEMO_DATA): generated for a first look, never mailed, removed together.
alter table interview add column demo boolean default false not null;

create index ix_interview_demo on interview (demo);

-- One row while demo data is loaded or being loaded: the insert is the claim, so only one node loads it.
create table demo_data_load (
    id          integer primary key,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone
);
