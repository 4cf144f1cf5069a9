-- Turns whose follow-up budget ran out before the LLM started one: the interview moved on, and HR's review says so.
alter table interview add column follow_ups_out_of_time integer default 0 not null;
