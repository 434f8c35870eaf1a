-- The public keys of every node that signs audit checkpoints (several nodes share one database, each with the
-- key of its own data directory). Each row is introduced by an 'audit.key.registered' event in the hash-chained
-- log (audit_seq), which the verifier checks, so a key slipped in here without that event is reported.
create table audit_signing_keys (
    vkey            varchar(512) primary key,
    key_name        varchar(128) not null,
    registered_at   timestamptz  not null,
    audit_seq       bigint       not null
);

create function audit_signing_keys_guard() returns trigger language plpgsql as $$
begin
    raise exception 'audit_signing_keys is append-only: % refused', tg_op
        using hint = 'A signing key stays registered so that the checkpoints it signed can be verified.';
end $$;

create trigger audit_signing_keys_append_only before update or delete on audit_signing_keys
    for each row execute function audit_signing_keys_guard();
create trigger audit_signing_keys_no_truncate before truncate on audit_signing_keys
    for each statement execute function audit_signing_keys_guard();
