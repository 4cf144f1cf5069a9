-- Portable between PostgreSQL and H2: no vendor types.

-- The day a demo interview is dated to (EXITBOT_DEMO_DATA spreads them over the past year): what its record is
-- moved back to once it has run, and the month its anonymous comments are kept under.
alter table interview add column demo_dated_at timestamp with time zone;

-- Anonymous comments of demo interviews: marked, so they are removed with them (nothing else joins them back).
alter table anonymous_comment add column demo boolean default false not null;

-- Of a group's month, how many interviews were demo ones, so removing them takes exactly those off the count.
alter table anonymous_comment_count add column demo_interviews integer default 0 not null;

-- How far a load has got, and when it last moved: a claim that stopped moving was left by a node that died.
alter table demo_data_load add column played integer default 0 not null;
alter table demo_data_load add column total integer default 0 not null;
alter table demo_data_load add column progress_at timestamp with time zone;
