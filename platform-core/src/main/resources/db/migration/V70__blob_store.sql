-- The shared blob store (blob-store=postgres): generated images, videos and uploads, named by the SHA-256 of
-- their bytes and kept as chunks of about 1 MiB, so that every node reads what any node wrote and no blob is
-- ever held whole in memory. A write inserts its chunks under a fresh upload id and then the blob row, in one
-- transaction; the deferred foreign key refuses chunks that no blob owns.

create table blobs (
    sha256          char(64)     primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes      bigint       not null check (size_bytes >= 0),
    upload_id       uuid         not null unique,
    chunk_count     integer      not null check (chunk_count >= 0),
    created_at      timestamptz  not null default now()
);

create table blob_chunks (
    upload_id       uuid         not null references blobs (upload_id) on delete cascade
                                 deferrable initially deferred,
    seq             integer      not null check (seq >= 0),
    data            bytea        not null,
    primary key (upload_id, seq)
);

-- images and video are already compressed: store chunks out of line without trying to compress them again
alter table blob_chunks alter column data set storage external;
