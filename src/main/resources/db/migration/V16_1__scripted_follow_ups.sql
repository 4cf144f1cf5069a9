-- The scripted follow-ups of a question set version (JSON), asked while the LLM is unavailable; null in versions
-- saved before them, which use the built-in ones of their locale.
alter table question_set add column follow_ups text;
