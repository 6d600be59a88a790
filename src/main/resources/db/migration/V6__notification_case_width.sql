-- A membership mail (R21-R23) is on record under the person's Camunda user id, which may be
-- 64 characters long (ACT_ID_USER.ID_), beside case IDs (SEC-2026-0001) and application IDs.
alter table notification alter column case_id set data type varchar(64);
