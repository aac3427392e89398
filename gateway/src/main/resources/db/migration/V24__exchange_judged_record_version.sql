-- The record a holder's decision judged is named by id AND version (QUALITY.md R9): a review or a
-- collection releases that record only while it still has that version. Rows received before this
-- column existed have none, and are answered NOT_AVAILABLE (subject_changed) if decided again.
ALTER TABLE exchange_received ADD COLUMN subject_record_version BIGINT;
