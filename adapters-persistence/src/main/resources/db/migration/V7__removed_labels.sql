-- A label an admin removed, so that the export can tell a merge to take it out of train.tsv. Kept, as labels are,
-- after its session is purged; labelling the message again deletes the row.
CREATE TABLE removed_labels (
    message_id VARCHAR(36) NOT NULL PRIMARY KEY,
    removed_at BIGINT      NOT NULL
);
-- The export reads removals oldest first, from a time on.
CREATE INDEX ix_removed_labels_removed_at ON removed_labels (removed_at, message_id);
