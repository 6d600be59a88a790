-- Every webhook delivery from GitHub (forge/) the service took, once: its delivery ID
-- (X-GitHub-Delivery) and the SHA-256 (hex) of its body are each unique, so a delivery replayed,
-- redelivered after it was taken, or taken by two nodes at once, is one row and at most one
-- event. The row is written in the transaction whose listeners act on the delivery: a listener
-- that fails rolls it back, and GitHub's redelivery is taken again.
create table forge_delivery (
  delivery_id  varchar(100) not null primary key,
  body_sha256  char(64)     not null,
  event        varchar(100) not null,
  received_at  timestamp with time zone not null,
  outcome      varchar(32)  not null,
  node         varchar(255),
  constraint forge_delivery_body unique (body_sha256)
);
