-- The attachments of a mailed report (inbox/), kept as they came and never executed or rendered:
-- the team downloads them (GET /api/v1/cases/{caseId}/attachments/{n}) as octet streams. Written
-- in the transaction that starts the case and records the mail in inbox_mail. file_name is the
-- sender's, made one line and harmless as a name; content_type is what the mail declared, not
-- what the bytes are; sha256 (hex) lets the team compare the bytes with the reporter's.
create table report_attachment (
  case_id       varchar(32)   not null,
  attachment_no integer       not null,
  file_name     varchar(255)  not null,
  content_type  varchar(255)  not null,
  byte_size     bigint        not null,
  sha256        char(64)      not null,
  content       bytea         not null,
  primary key (case_id, attachment_no)
);
