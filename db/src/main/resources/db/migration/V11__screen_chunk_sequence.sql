-- Screen recordings arrive as numbered chunks (MediaRecorder WebM pieces): the chunk's sequence number within its
-- attempt, unique per attempt so a retried upload is recognised and the recording is read back in order. Null for
-- every other kind of media.
ALTER TABLE stored_media ADD COLUMN chunk_sequence BIGINT;
CREATE UNIQUE INDEX ux_stored_media_chunk ON stored_media (attempt_id, chunk_sequence);
