-- Readiness writes and deletes a row here while writes are failing, to tell when they succeed again: the row is
-- large enough to need new pages (a full disk fails it) and never outlives its transaction.
CREATE TABLE storage_probe (
    id     BIGINT NOT NULL PRIMARY KEY,
    filler TEXT   NOT NULL
);
