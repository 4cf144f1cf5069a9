-- Portable between PostgreSQL and H2: no vendor types, no partial indexes.

-- An action HR takes on a theme in a group (a department, or all of them when department is null), from the
-- alert or HR's request through the plan to the effect measured after the follow-up period. Counts are stored as
-- the reports show them: null where a count of 1 to k - 1 is suppressed (k in the *_min_group_size columns).
create table theme_action (
    id                      uuid         primary key,
    theme                   varchar(40)  not null,
    department              varchar(100),
    -- theme and lower-cased department while the action is open, null after: one open action per theme and group
    open_key                varchar(200),
    origin                  varchar(20)  not null,
    status                  varchar(20)  not null,
    started_by              varchar(255) not null,
    started_at              timestamp with time zone not null,
    window_from             date         not null,
    window_to               date         not null,
    alert_min_group_size    integer      not null,
    alert_interviews        integer,
    alert_theme_count       integer,
    process_instance_id     varchar(64),
    owner_id                varchar(255),
    planned_action          text,
    success_measure         text,
    due_date                date,
    planned_by              varchar(255),
    planned_at              timestamp with time zone,
    overdue_at              timestamp with time zone,
    done_at                 timestamp with time zone,
    measure_at              timestamp with time zone,
    measured_at             timestamp with time zone,
    effect                  varchar(20),
    effect_summary          text,
    effect_min_group_size   integer,
    before_interviews       integer,
    before_theme_count      integer,
    after_from              date,
    after_to                date,
    after_interviews        integer,
    after_theme_count       integer,
    finished_at             timestamp with time zone,
    row_version             integer      not null default 0,
    constraint uq_theme_action_open unique (open_key)
);

create index ix_theme_action_started on theme_action (started_at);
