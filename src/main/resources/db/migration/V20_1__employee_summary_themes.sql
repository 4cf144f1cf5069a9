-- Portable between PostgreSQL and H2: no vendor types.

-- The themes of the summary the employee checks, as the analysis found them, and whether the employee removed one
-- ("that was not a reason for me"). A removed theme is left out of what HR reads and of the reports, whatever
-- later analyses find; the analyses themselves keep it, as history.
create table employee_summary_theme (
    interview_id    uuid         not null references employee_summary (interview_id) on delete cascade,
    theme           varchar(64)  not null,
    -- the order the analysis found them in
    position        integer      not null,
    removed         boolean      not null,
    changed_at      timestamp with time zone,
    changed_by      varchar(100),
    constraint pk_employee_summary_theme primary key (interview_id, theme)
);
