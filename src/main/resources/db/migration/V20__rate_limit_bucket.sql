-- The rate limits' token buckets on PostgreSQL (web/RateLimits), one row per limit and client
-- address, which every node reads and writes under a row lock (SELECT ... FOR UPDATE), so that
-- the limit is the cluster's. Bucket4j's table: id the limit's name and the client's address
-- (hashed when long), state its serialized bucket, expires_at (epoch milliseconds) when the
-- bucket is full again and the row may go: every node deletes such rows now and then, so that
-- clients gone quiet do not grow the table. On H2, the embedded default of one node, the buckets
-- are in memory and the table stays empty (created there too: one set of migrations for both).
create table rate_limit_bucket (
  id         varchar(255) primary key,
  state      bytea,
  expires_at bigint
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
