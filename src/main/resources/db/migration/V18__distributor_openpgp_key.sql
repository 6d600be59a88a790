-- R14, R16, R27: the OpenPGP public keys a distributor registered, in the order given. The
-- embargoed notices to it are encrypted to the keys valid when they are sent. What the key says
-- of itself (fingerprint, algorithm, size, dates, user IDs) is kept beside the armoured key,
-- read from it when it was registered, so that the registry shows it without parsing again.
create table distributor_openpgp_key (
  distributor_id bigint        not null references distributor (id),
  position       integer       not null,
  fingerprint    varchar(64)   not null,
  algorithm      varchar(32)   not null,
  bits           integer       not null,
  created_at     timestamp with time zone not null,
  expires_at     timestamp with time zone,
  user_ids       varchar(4000) not null,
  armoured       text          not null,
  primary key (distributor_id, position)
);
