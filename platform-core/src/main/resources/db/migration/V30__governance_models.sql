-- Governance models as content-addressed artifacts (issue 17): the safety heads, the bias model (stereotype ranker and
-- coreference resolver) and the fact-check combiner. 'bytes' is the model's canonical JSON, 'sha256' its hash; the
-- manifest records the training data hash and files, the settings hash, the code version, the dev figures and the
-- sources with their licences. Every node loads the ACTIVE version of each kind, so all nodes judge with the same
-- models; an administrator pins a version with `hallmark models governance activate` (audited).
create table governance_model (
    sha256      char(64)     primary key,
    kind        varchar(32)  not null,
    bytes       bytea        not null,
    manifest    jsonb        not null,
    created_at  timestamptz  not null
);

create index governance_model_kind on governance_model (kind, created_at desc);

create table active_governance_model (
    kind          varchar(32)  primary key,
    sha256        char(64)     not null references governance_model (sha256),
    activated_by  varchar(128) not null,
    activated_at  timestamptz  not null
);
