-- Feedback on replies is user data and goes with its message (and so with its session: the cascade runs on from
-- sessions to messages to feedback). Labels are an admin's training data: no foreign key, and the text is copied, so
-- that a label outlives the session it came from.

CREATE TABLE feedback (
    message_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    rating     VARCHAR(8)  NOT NULL,
    comment    TEXT,
    rated_at   BIGINT      NOT NULL,
    CONSTRAINT ck_feedback_rating CHECK (rating IN ('UP', 'DOWN'))
);
-- The inbox's down-rated items.
CREATE INDEX ix_feedback_rating ON feedback (rating);

CREATE TABLE labels (
    message_id  VARCHAR(36) NOT NULL PRIMARY KEY,
    text        TEXT        NOT NULL,
    intent      VARCHAR(32) NOT NULL,
    labelled_at BIGINT      NOT NULL
);
-- The export reads labels oldest first, from a time on.
CREATE INDEX ix_labels_labelled_at ON labels (labelled_at, message_id);

-- The inbox's low-confidence items, newest first (messages the classifier was unsure of are stored as unknown).
CREATE INDEX ix_messages_intent_created ON messages (intent, created_at, id);
