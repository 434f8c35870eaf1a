-- Each plugin's settings (endpoint URLs, API keys, model names), formerly <data-dir>/plugins/<id>.properties on each
-- node (issue 20): one row per key, read at each plugin call, so a change made on any node applies on every node.
create table plugin_config (
    plugin_id   varchar(128)  not null,
    key         varchar(128)  not null,
    value       text          not null,
    updated_by  varchar(128)  not null,
    updated_at  timestamptz   not null,
    primary key (plugin_id, key)
);
