-- Idempotency keys of generation submissions: a client that retries a submission with the same key gets the job the
-- first one created instead of a second job. Keys are scoped to the submitting actor and live as long as the job.

create table generation_idempotency (
    actor           varchar(128) not null,
    idempotency_key varchar(255) not null,
    request_sha256  char(64)     not null,
    job_id          uuid         not null references generation_jobs (id) on delete cascade,
    created_at      timestamptz  not null,
    primary key (actor, idempotency_key)
);
create index generation_idempotency_job on generation_idempotency (job_id);
