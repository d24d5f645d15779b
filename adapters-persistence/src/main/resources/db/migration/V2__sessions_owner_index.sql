-- Counting a client key's unexpired sessions (its quota) reads this index instead of the whole table.
CREATE INDEX idx_sessions_owner_expires ON sessions (owner_id, expires_at);
