-- Accounts as people expect (issue 23): a password that must be changed before anything else (the first
-- administrator's generated one-time password), and when such a one-time password was used to sign in, so that it
-- signs in only once.

alter table users add column password_must_change boolean not null default false;
alter table users add column one_time_password_used_at timestamptz;
