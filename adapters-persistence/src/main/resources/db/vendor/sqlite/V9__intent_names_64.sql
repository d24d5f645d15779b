-- Intent names may have up to 64 characters. SQLite does not enforce a VARCHAR length, so its columns stay as they
-- are; this migration keeps the two databases at the same version.
SELECT 1;
