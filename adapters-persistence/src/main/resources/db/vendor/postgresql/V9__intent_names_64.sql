-- Intent names may have up to 64 characters (BANKING77's run to 48).
ALTER TABLE messages ALTER COLUMN intent TYPE VARCHAR(64);
ALTER TABLE labels ALTER COLUMN intent TYPE VARCHAR(64);
