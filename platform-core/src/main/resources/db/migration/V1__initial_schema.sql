-- Hallmark's first schema. Identifiers are UUIDs made by the application (time-ordered, version 7);
-- times are timestamptz; hashes are lower-case hex SHA-256 (64 characters); structured documents are jsonb.

create table users (
    id              uuid primary key,
    username        varchar(64)  not null,
    display_name    varchar(200),
    password_hash   varchar(255),
    role            varchar(32)  not null
                    check (role in ('ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR', 'PLUGIN_DEVELOPER')),
    enabled         boolean      not null default true,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    last_login_at   timestamptz,
    constraint users_username_unique unique (username)
);

create table plugin_records (
    id              uuid primary key,
    plugin_id       varchar(128) not null,
    version         varchar(64)  not null,
    provider        varchar(200),
    state           varchar(32)  not null
                    check (state in ('INSTALLED', 'ENABLED', 'DISABLED', 'FAILED', 'REMOVED')),
    archive_sha256  varchar(64),
    signer_key_id   varchar(128),
    capabilities    jsonb        not null default '[]'::jsonb,
    permissions     jsonb        not null default '[]'::jsonb,
    failure         text,
    installed_by    varchar(64),
    installed_at    timestamptz  not null,
    updated_at      timestamptz  not null,
    constraint plugin_records_version_unique unique (plugin_id, version)
);

create table policies (
    id              uuid primary key,
    name            varchar(128) not null,
    version         integer      not null check (version > 0),
    format          varchar(16)  not null check (format in ('YAML', 'JSON')),
    body            text         not null,
    body_sha256     varchar(64)  not null,
    active          boolean      not null default false,
    created_by      varchar(64),
    created_at      timestamptz  not null,
    constraint policies_version_unique unique (name, version)
);
-- at most one active version per policy name
create unique index policies_one_active on policies (name) where active;

create table content_items (
    id                  uuid primary key,
    modality            varchar(16)  not null check (modality in ('TEXT', 'CODE', 'IMAGE', 'VIDEO')),
    prompt              text         not null,
    plugin_id           varchar(128),
    plugin_version      varchar(64),
    model_id            varchar(256),
    model_sha256        varchar(64),
    parameters          jsonb        not null default '{}'::jsonb,
    seed                bigint,
    status              varchar(32)  not null
                        check (status in ('PENDING', 'GENERATING', 'CHECKING', 'NEEDS_REVIEW', 'APPROVED',
                                          'REJECTED', 'FAILED', 'CANCELLED')),
    text_body           text,
    artifact_sha256     varchar(64),
    artifact_media_type varchar(128),
    artifact_size       bigint       check (artifact_size is null or artifact_size >= 0),
    created_by          varchar(64),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
create index content_items_created on content_items (created_at desc);
create index content_items_status on content_items (status, created_at desc);

create table generation_jobs (
    id                  uuid primary key,
    content_item_id     uuid         references content_items (id),
    state               varchar(32)  not null
                        check (state in ('QUEUED', 'RUNNING', 'WAITING_REVIEW', 'DONE', 'FAILED', 'CANCELLED',
                                         'DEAD')),
    request             jsonb        not null,
    priority            integer      not null default 0,
    attempts            integer      not null default 0 check (attempts >= 0),
    max_attempts        integer      not null default 3 check (max_attempts > 0),
    current_step        varchar(64),
    step_state          jsonb        not null default '{}'::jsonb,
    lease_owner         varchar(128),
    lease_expires_at    timestamptz,
    heartbeat_at        timestamptz,
    deadline_at         timestamptz,
    not_before          timestamptz,
    error               text,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    started_at          timestamptz,
    finished_at         timestamptz
);
-- the claim query scans queued jobs by priority and age
create index generation_jobs_claim on generation_jobs (priority desc, created_at) where state = 'QUEUED';
create index generation_jobs_lease on generation_jobs (lease_expires_at) where state = 'RUNNING';

create table governance_reports (
    id                  uuid primary key,
    content_item_id     uuid         not null references content_items (id),
    report              jsonb        not null,
    factuality_score    double precision check (factuality_score is null or factuality_score between 0 and 1),
    decision            varchar(32)
                        check (decision in ('APPROVE', 'NEEDS_REVIEW', 'REJECT', 'REDACT', 'REVISE')),
    policy_id           uuid         references policies (id),
    policy_sha256       varchar(64),
    created_at          timestamptz  not null
);
create index governance_reports_item on governance_reports (content_item_id, created_at);

-- append-only: rows are never updated; the audit issue adds hashes, the Merkle tree and checkpoints
create table audit_events (
    seq                 bigint       primary key check (seq > 0),
    event_time          timestamptz  not null,
    actor               varchar(128) not null,
    event_type          varchar(64)  not null,
    subject             varchar(256),
    payload             jsonb        not null,
    payload_sha256      varchar(64)  not null
);
create index audit_events_time on audit_events (event_time);
create index audit_events_type on audit_events (event_type, event_time);
