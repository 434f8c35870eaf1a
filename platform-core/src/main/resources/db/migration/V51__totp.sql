-- Optional two-step sign-in (issue 23): a TOTP secret (RFC 6238), whether it is turned on (only after a code from it
-- was confirmed), and the last time step whose code signed in, so a code works once.

alter table users add column totp_secret varchar(64);
alter table users add column totp_enabled boolean not null default false;
alter table users add column totp_last_step bigint not null default -1;
