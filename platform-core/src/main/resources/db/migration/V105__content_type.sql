-- Issue 18: the content type a generation was judged as (story, news, code, kb-answer, general); policy rules may
-- apply to some content types only. Reports written before this migration have none (read as general).
alter table governance_reports add column content_type varchar(16);
