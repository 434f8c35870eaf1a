-- The knowledge bases every node agrees on (issue 20). PostgreSQL is the record: documents, their chunks and vectors
-- (float32, little-endian, in bytea; the embedding model is named with its SHA-256), and per knowledge base a change
-- log numbered by a gap-free sequence. Each node's Lucene index is a cache that applies the log in sequence order
-- and can be rebuilt from these tables. An ingest or deletion on any node is one transaction: it takes the row lock
-- of its knowledge base (so writes to one knowledge base are serialised and their sequence numbers commit in order),
-- writes rows and change entries, and notifies the channel kb_changes.

create table kb_bases (
    name               text         primary key check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    embedder           text         not null,     -- the embedding model id, or 'none' for BM25 only
    embedder_sha256    char(64)     check (embedder_sha256 ~ '^[0-9a-f]{64}$'),
    dimension          integer      not null check (dimension >= 0),
    sequence           bigint       not null default 0 check (sequence >= 0),
    created_at         timestamptz  not null default now()
);

create table kb_documents (
    kb                 text         not null references kb_bases (name) on delete cascade,
    source_id          text         not null,
    source_hash        text         not null,
    title              text         not null,
    chunk_count        integer      not null check (chunk_count >= 0),
    sequence           bigint       not null,     -- the change that put this version of the document
    primary key (kb, source_id)
);

create table kb_chunks (
    kb                 text         not null,
    source_id          text         not null,
    position           integer      not null check (position >= 0),
    title              text         not null,
    heading            text,
    text               text         not null,
    metadata           jsonb        not null,
    vector             bytea,                     -- the searchable embedding; null in a BM25-only knowledge base
    primary key (kb, source_id, position),
    foreign key (kb, source_id) references kb_documents (kb, source_id) on delete cascade
);

-- embeddings of the chunk text by further models (the fact checker's semantic verifiers), stored, not searched
create table kb_passage_vectors (
    kb                 text         not null,
    source_id          text         not null,
    position           integer      not null,
    model              text         not null,
    vector             bytea        not null,
    primary key (kb, source_id, position, model),
    foreign key (kb, source_id, position) references kb_chunks (kb, source_id, position) on delete cascade
);

create table kb_changes (
    kb                 text         not null references kb_bases (name) on delete cascade,
    sequence           bigint       not null check (sequence > 0),
    operation          text         not null check (operation in ('put', 'delete')),
    source_id          text         not null,
    source_hash        text,
    node               text         not null,
    changed_at         timestamptz  not null default now(),
    primary key (kb, sequence)
);

alter table kb_chunks alter column vector set storage external;
alter table kb_passage_vectors alter column vector set storage external;
