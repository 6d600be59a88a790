-- R12: one CVE ID names one case. The ID each case recorded at "Record assigned CVE", kept
-- whatever the engine's history cleanup removes later. The primary key settles two cases that
-- record one ID at the same moment, on any number of nodes: the second insert waits for the
-- first transaction and then fails, and its task is refused.
create table case_cve (
  cve_id      varchar(32) not null primary key,
  case_id     varchar(64) not null,
  recorded_at timestamp   not null
);
create index case_cve_case on case_cve (case_id);
