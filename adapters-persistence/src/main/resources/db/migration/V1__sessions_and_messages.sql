-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds, so that millisecond precision round-trips
-- on both. Ids are canonical UUID text.

CREATE TABLE sessions (
    id                VARCHAR(36) NOT NULL PRIMARY KEY,
    owner_id          VARCHAR(64) NOT NULL,
    created_at        BIGINT      NOT NULL,
    last_activity_at  BIGINT      NOT NULL,
    expires_at        BIGINT      NOT NULL,
    message_count     BIGINT      NOT NULL,
    prompt_tokens     BIGINT      NOT NULL,
    completion_tokens BIGINT      NOT NULL
);

-- The purge job finds expired sessions by this index.
CREATE INDEX ix_sessions_expires_at ON sessions (expires_at);

CREATE TABLE messages (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    session_id        VARCHAR(36)  NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    sequence_no       BIGINT       NOT NULL,
    role              VARCHAR(16)  NOT NULL,
    content           TEXT         NOT NULL,
    created_at        BIGINT       NOT NULL,
    -- user messages only
    intent            VARCHAR(32),
    confidence        DOUBLE PRECISION,
    scores            TEXT,
    model_version     VARCHAR(128),
    client_message_id VARCHAR(128),
    -- assistant messages only
    route             VARCHAR(16),
    degraded          BOOLEAN,
    prompt_tokens     BIGINT,
    completion_tokens BIGINT,
    -- also the index for history pages and for the cascade
    CONSTRAINT uq_messages_session_sequence UNIQUE (session_id, sequence_no),
    -- NULLs are distinct in both databases, so messages without a client id do not collide
    CONSTRAINT uq_messages_session_client_message UNIQUE (session_id, client_message_id),
    CONSTRAINT ck_messages_role_fields CHECK (
        (role = 'USER'
            AND intent IS NOT NULL AND confidence IS NOT NULL AND scores IS NOT NULL AND model_version IS NOT NULL
            AND route IS NULL AND degraded IS NULL AND prompt_tokens IS NULL AND completion_tokens IS NULL)
        OR (role = 'ASSISTANT'
            AND route IS NOT NULL AND degraded IS NOT NULL AND prompt_tokens IS NOT NULL AND completion_tokens IS NOT NULL
            AND intent IS NULL AND confidence IS NULL AND scores IS NULL AND model_version IS NULL
            AND client_message_id IS NULL))
);
