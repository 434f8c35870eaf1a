-- Plugin archives live in the database too, so that every node of a cluster can load the plugins another node
-- installed (each node keeps a local copy in its own plugins folder).
create table plugin_archives (
    sha256          varchar(64)  primary key,
    content         bytea        not null,
    created_at      timestamptz  not null default now()
);
