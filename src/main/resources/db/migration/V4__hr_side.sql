-- How the conversation ended (COMPLETED, STOPPED or EXPIRED), kept after the review closes the interview,
-- so reports can tell a completed interview from an abandoned one.
alter table interview add column finished_as varchar(20);

update interview set finished_as = status where status in ('COMPLETED', 'STOPPED', 'EXPIRED');

-- The offboarding webhook is idempotent on employee and last working day.
create index ix_interview_employee_day on interview (employee_id, last_working_day);
