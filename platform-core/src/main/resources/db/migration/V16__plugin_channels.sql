-- Plugin developers install to a sandbox channel: a sandbox plugin generates only for jobs on the 'sandbox'
-- policy channel and its governance checks never judge production content, until an administrator promotes it.
alter table plugin_records add column channel varchar(16) not null default 'PRODUCTION'
    check (channel in ('PRODUCTION', 'SANDBOX'));
