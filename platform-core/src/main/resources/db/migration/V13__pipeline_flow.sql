-- Declared pipelines: the definition a job runs (kept with the job, so a resumed job runs the same flow) and every
-- agent call of the flow with its inputs and outputs, readable from any node (GET /api/v1/generations/{id}).

alter table generation_jobs add column pipeline jsonb;

create table job_agent_calls (
    job_id          uuid         not null references generation_jobs (id) on delete cascade,
    seq             bigserial,
    attempt         integer      not null,
    step            varchar(64)  not null,
    round           integer      not null,
    agent           varchar(128) not null,
    inputs          jsonb        not null,
    outputs         jsonb        not null,
    error           text,
    started_at      timestamptz  not null,
    finished_at     timestamptz  not null,
    primary key (job_id, seq)
);
