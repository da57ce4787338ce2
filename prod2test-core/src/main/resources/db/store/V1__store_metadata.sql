-- What every later stage can rely on: which prod2test created the store and when. The stage tables
-- (exchanges, sessions, routes, ...) arrive in their own versions with the stages that fill them.
CREATE TABLE store_metadata (
    key   text PRIMARY KEY,
    value text NOT NULL
);
