-- The audit trail (issue 9): RFC 6962 leaf hashes on every event, the tree's head (size and right edge) in
-- one row whose lock orders every append, signed checkpoints, and retention runs. See docs/audit.md.

do $$
begin
    if exists (select 1 from audit_events) then
        raise exception 'audit_events already holds rows written without leaf hashes; '
            'Hallmark cannot hash them retroactively. Export them and start a new audit log.';
    end if;
end $$;

-- hex SHA-256(0x00 || canonical event bytes); null only for rows not written through the audit log,
-- which "hallmark audit verify" reports
alter table audit_events add column leaf_hash varchar(64);
-- set when retention removed the payload (which becomes {}); payload_sha256 and leaf_hash stay
alter table audit_events add column payload_removed_at timestamptz;

-- the one row every append takes FOR UPDATE: it serializes appenders across threads and nodes and keeps
-- one gap-free sequence (an aborted append rolls the counter back with it)
create table audit_head (
    id              smallint     primary key check (id = 1),
    log_id          uuid         not null,
    tree_size       bigint       not null check (tree_size >= 0),
    -- roots of the complete subtrees on the tree's right edge, 32 bytes each, largest first
    frontier        bytea        not null,
    updated_at      timestamptz  not null
);
insert into audit_head (id, log_id, tree_size, frontier, updated_at)
values (1, gen_random_uuid(), 0, ''::bytea, now());

-- signed checkpoints (C2SP tlog-checkpoint in a signed note); id is the checkpoint number
create table audit_checkpoints (
    id              bigserial    primary key,
    tree_size       bigint       not null check (tree_size >= 0),
    root_hash       varchar(64)  not null,
    origin          varchar(256) not null,
    key_name        varchar(128) not null,
    signed_note     text         not null,
    created_at      timestamptz  not null
);
create index audit_checkpoints_size on audit_checkpoints (tree_size);

-- every retention run that removed payloads, with the signed checkpoint that covered them first
create table audit_retention_runs (
    id              bigserial    primary key,
    run_at          timestamptz  not null,
    cutoff          timestamptz  not null,
    retention_days  integer      not null check (retention_days > 0),
    first_seq       bigint       not null,
    last_seq        bigint       not null,
    events_removed  bigint       not null check (events_removed > 0),
    checkpoint_id   bigint       not null references audit_checkpoints (id),
    tree_size       bigint       not null,
    root_hash       varchar(64)  not null,
    actor           varchar(128) not null
);

-- defence in depth: ordinary sessions cannot update, delete or truncate audit events. The one allowed
-- update is retention removing a payload, in a transaction that sets hallmark.audit_retention = 'on'.
-- A superuser can still switch triggers off: the Merkle tree and the signed checkpoints are what detect that.
create function audit_events_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
            and coalesce(current_setting('hallmark.audit_retention', true), '') = 'on'
            and new.seq = old.seq and new.event_time = old.event_time and new.actor = old.actor
            and new.event_type = old.event_type and new.subject is not distinct from old.subject
            and new.payload_sha256 = old.payload_sha256 and new.leaf_hash is not distinct from old.leaf_hash
            and new.payload = '{}'::jsonb and new.payload_removed_at is not null then
        return new;
    end if;
    raise exception 'audit_events is append-only: % refused', tg_op
        using hint = 'Audit events are never changed; retention removes payloads through Hallmark only.';
end $$;

create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_events_guard();
create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_guard();
