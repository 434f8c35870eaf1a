-- Alert rules an administrator sets in the console (issue 11). The server evaluates them periodically; a rule that
-- starts or stops firing is recorded in the audit log once (the conditional update below elects one node).
create table alert_rules (
    id              uuid         primary key,
    name            varchar(128) not null,
    metric          varchar(64)  not null,
    operator        varchar(2)   not null check (operator in ('>', '>=', '<', '<=')),
    threshold       double precision not null,
    firing          boolean      not null default false,
    last_value      double precision,
    changed_at      timestamptz,
    evaluated_at    timestamptz,
    created_by      varchar(64)  not null,
    created_at      timestamptz  not null,
    constraint alert_rules_name_unique unique (name)
);
