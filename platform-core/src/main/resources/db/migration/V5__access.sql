-- Access control: console sessions and API tokens. Only SHA-256 hashes of their secrets are stored.

create table sessions (
    id              varchar(64)  primary key,          -- SHA-256 of the session cookie value
    user_id         uuid         not null references users (id) on delete cascade,
    csrf_token      varchar(64)  not null,
    created_at      timestamptz  not null,
    last_seen_at    timestamptz  not null,
    expires_at      timestamptz  not null,
    client_ip       varchar(64),
    user_agent      varchar(256)
);
create index sessions_user on sessions (user_id);
create index sessions_expiry on sessions (expires_at);

create table api_tokens (
    id              uuid         primary key,
    user_id         uuid         not null references users (id) on delete cascade,
    name            varchar(128) not null,
    token_hash      varchar(64)  not null unique,
    roles           jsonb        not null default '[]'::jsonb,
    created_at      timestamptz  not null,
    expires_at      timestamptz,
    last_used_at    timestamptz,
    revoked_at      timestamptz
);
create index api_tokens_user on api_tokens (user_id);
