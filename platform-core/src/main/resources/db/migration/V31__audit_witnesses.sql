-- Witnessed checkpoints (issue 19). Each checkpoint keeps the tree's right edge at its size, so that a consistency
-- proof from it to any later checkpoint needs only the events appended since (the witness protocol sends one).
alter table audit_checkpoints add column frontier bytea;

-- cosignatures (C2SP tlog-cosignature, Ed25519) that witnesses returned for a checkpoint: the signed-note line as
-- received; appending it to the checkpoint's note gives the cosigned checkpoint
create table audit_cosignatures (
    checkpoint_id   bigint       not null references audit_checkpoints (id),
    witness         varchar(256) not null,
    signature_line  text         not null,
    cosigned_at     timestamptz  not null,
    primary key (checkpoint_id, witness)
);

create function audit_cosignatures_guard() returns trigger language plpgsql as $$
begin
    raise exception 'audit_cosignatures is append-only: % refused', tg_op
        using hint = 'A cosignature is evidence that a witness saw the checkpoint; it is never changed.';
end $$;

create trigger audit_cosignatures_append_only before update or delete on audit_cosignatures
    for each row execute function audit_cosignatures_guard();
create trigger audit_cosignatures_no_truncate before truncate on audit_cosignatures
    for each statement execute function audit_cosignatures_guard();
