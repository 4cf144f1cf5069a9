-- Portable between PostgreSQL and H2: no vendor types.

-- Each mail of an interview, recorded before and after the SMTP call in transactions of their own, so that a
-- retried step never sends it twice. No address and no text; no foreign key, so that recording a send never waits
-- on the interview's row, which the step itself may hold.
create table mail_send (
    interview_id  uuid        not null,
    kind          varchar(20) not null,
    state         varchar(16) not null,
    begun_at      timestamp with time zone not null,
    sent_at       timestamp with time zone,
    constraint pk_mail_send primary key (interview_id, kind)
);
