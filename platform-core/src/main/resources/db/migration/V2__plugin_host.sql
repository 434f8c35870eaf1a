-- The plugin host: the public keys administrators trust to sign plugins, and who changed a plugin's state.

create table plugin_signing_keys (
    key_id          varchar(16)  primary key,
    name            varchar(128) not null,
    public_key      text         not null,
    added_by        varchar(64),
    added_at        timestamptz  not null,
    revoked_at      timestamptz
);

alter table plugin_records add column file_name varchar(256);
alter table plugin_records add column changed_by varchar(64);
-- one current version per plugin; replaced and removed versions stay as history
create unique index plugin_records_one_current on plugin_records (plugin_id) where state <> 'REMOVED';
-- a version removed and installed again gets a new record: history may hold the same version twice
alter table plugin_records drop constraint plugin_records_version_unique;
