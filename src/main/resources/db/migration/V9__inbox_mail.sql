-- Every mail the inbox (inbox/) has read from the security address's mailbox, once: the key is
-- the SHA-256 (hex) of its Message-ID (of its header lines when it has none), so a mail read
-- twice, or by two nodes at once, is one row and at most one case. The row is written in the
-- transaction that starts the case; the mail is marked in the mailbox only after it commits.
create table inbox_mail (
  mail_key    char(64)     not null primary key,
  message_id  varchar(255),
  read_at     timestamp with time zone not null,
  outcome     varchar(16)  not null,
  case_id     varchar(32),
  node        varchar(255)
);
create index inbox_mail_case on inbox_mail (case_id);
