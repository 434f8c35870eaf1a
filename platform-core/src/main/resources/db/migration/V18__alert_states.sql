-- Alert rules are evaluated by every node: each node keeps its own state of each rule, because request latency,
-- error rate, heap and GPU memory are per node. Cluster-wide metrics (queue depth, refuted-claim rate) share one
-- state under node 'cluster'. A state that flips is audited once, by the node whose update flipped it.
create table alert_states (
    rule_id         uuid         not null references alert_rules (id) on delete cascade,
    node            varchar(128) not null,
    last_value      double precision,
    firing          boolean      not null,
    evaluated_at    timestamptz  not null,
    changed_at      timestamptz,
    primary key (rule_id, node)
);

alter table alert_rules drop column firing;
alter table alert_rules drop column last_value;
alter table alert_rules drop column changed_at;
alter table alert_rules drop column evaluated_at;
