-- Portable between PostgreSQL and H2: no vendor types.

-- What employees who chose to be anonymous said, moved out of their interviews when they close: each answer
-- under a random id of its own, with only the group (department) and the month it was moved in. Nothing joins a
-- row to an interview, a person or another row.
create table anonymous_comment (
    id           uuid         primary key,
    department   varchar(100) not null,
    month_start  date         not null,
    question_id  varchar(64),
    text         text         not null
);

create index ix_anonymous_comment_group on anonymous_comment (department, month_start);

-- How many anonymous interviews left comments, per group and month: what decides when the comments may be shown.
create table anonymous_comment_count (
    department   varchar(100) not null,
    month_start  date         not null,
    interviews   integer      not null,
    constraint pk_anonymous_comment_count primary key (department, month_start)
);
