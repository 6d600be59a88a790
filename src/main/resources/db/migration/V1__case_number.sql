-- Case IDs are SEC-<year>-<number>, sequential per year. One row per year, incremented under
-- its row lock, so that concurrent reports on any number of nodes never share a number.
create table case_number (
  case_year   integer not null primary key,
  last_number bigint  not null
);
