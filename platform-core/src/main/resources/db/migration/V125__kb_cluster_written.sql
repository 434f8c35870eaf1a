-- retrieval-backend=solrcloud (issue 20): the newest change of each knowledge base's record that its search-cluster
-- collection holds, as the node that wrote it there recorded it. Every node reports this, not the record's newest
-- change, as the version its searches saw (kb-seq-N), so no node reports a change the collection lacks; and when the
-- node that ingested could not write the collection (Solr refused it, or the node died after the record committed),
-- any node's follower writes the changes after it, so the collection does not lag until the next ingest.
create table kb_cluster_written (
    kb                 text         primary key references kb_bases (name) on delete cascade,
    sequence           bigint       not null check (sequence >= 0),
    written_at         timestamptz  not null default now()
);
