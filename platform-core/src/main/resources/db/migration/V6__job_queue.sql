-- The durable job queue: which queue (plugin) a job waits in, cancellation requests, and the progress events that
-- clients follow (Server-Sent Events), readable from any node.

alter table generation_jobs add column queue varchar(128) not null default 'default';
alter table generation_jobs add column cancel_requested boolean not null default false;
alter table generation_jobs add column created_by varchar(64);
create index generation_jobs_queue on generation_jobs (queue, state);

create table job_events (
    job_id          uuid         not null references generation_jobs (id) on delete cascade,
    seq             integer      not null,
    event_type      varchar(32)  not null,
    data            jsonb        not null,
    created_at      timestamptz  not null,
    primary key (job_id, seq)
);
