-- Several nodes share the ledger: a notice is claimed by one node before it goes to the SMTP
-- server (status SENDING until claim_expires_at), and the row says which node sent it.
alter table notification add column node varchar(255);
alter table notification add column claim_expires_at timestamp with time zone;
