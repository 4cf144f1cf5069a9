-- Portable between PostgreSQL and H2: no vendor types.

-- The summary HR will read, shown to the employee before Finish (the member check): one row per interview, made
-- when the summary is made, confirmed (or not) by the employee. version counts the employee's changes, so a
-- confirmation from a stale tab is refused. kind: summary (the analysis' summary, for HR's review) or comments (an
-- anonymous interview's answers as the group view will show them).
create table employee_summary (
    interview_id    uuid         primary key references interview (id) on delete cascade,
    kind            varchar(16)  not null,
    analysis_id     bigint       references interview_analysis (id) on delete set null,
    fallback        boolean      not null,
    version         integer      not null,
    created_at      timestamp with time zone not null,
    confirmed_at    timestamp with time zone,
    confirmed_by    varchar(100)
);

-- The summary's statements as made (original) and as the employee left them (text, removed). For an anonymous
-- interview a statement is one answer as the group view will show it (message_id names the answer).
create table employee_summary_statement (
    interview_id    uuid         not null references employee_summary (interview_id) on delete cascade,
    position        integer      not null,
    message_id      bigint       references interview_message (id) on delete cascade,
    original        text         not null,
    text            text         not null,
    removed         boolean      not null,
    changed_at      timestamp with time zone,
    changed_by      varchar(100),
    constraint pk_employee_summary_statement primary key (interview_id, position)
);

-- The summary's statements one by one (a JSON list of texts), so the employee can correct or remove each; null on
-- analyses made before, whose summary is split into sentences instead.
alter table interview_analysis add column statements text;
