-- A reply on the knowledge route: grounded says whether it answered from the bot's documents (NULL on every other
-- route), and its citations, in the reply's order, go with it (and so with its session).

ALTER TABLE messages ADD COLUMN grounded BOOLEAN;

CREATE TABLE message_citations (
    message_id VARCHAR(36)      NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    ordinal    INTEGER          NOT NULL,
    source     VARCHAR(1024)    NOT NULL,
    title      TEXT             NOT NULL,
    section    TEXT             NOT NULL,
    url        TEXT,
    snippet    TEXT             NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (message_id, ordinal)
);
