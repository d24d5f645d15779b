-- Sessions started for a chat completion that named none do not count against their key's quota (docs/openai.md).
-- Every session stored before was in the quota.
ALTER TABLE sessions ADD COLUMN in_quota BOOLEAN NOT NULL DEFAULT TRUE;
