-- The login throttle shared by every node (issue 20): failed sign-ins counted per user name ('user:<name>') and per
-- client address ('ip:<address>'), so that spreading password guesses over several nodes does not multiply them.
-- One upsert per failed attempt; a success deletes the user name's row; rows quiet for 15 minutes are pruned.
create table login_failures (
    key           varchar(200) primary key,
    failures      integer      not null,
    last_failure  timestamptz  not null
);

create index login_failures_last on login_failures (last_failure);
