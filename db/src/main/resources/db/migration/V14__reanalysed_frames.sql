-- What a re-analysis run (a batch job instance) found in each stored webcam frame it sent to the vision workers
-- again: kept beside the frame's original analysis (frame_analysis), never turned into incidents on the attempt; the
-- run's report compares the two. The media retention job removes these rows with their frame.
CREATE TABLE reanalysed_frame (
    id            VARCHAR(60)  PRIMARY KEY,
    run_id        BIGINT       NOT NULL,
    media_id      VARCHAR(36)  NOT NULL,
    attempt_id    VARCHAR(36)  NOT NULL,
    face_count    INTEGER,
    worker_node   VARCHAR(100) NOT NULL,
    analysed_at   TIMESTAMP    NOT NULL,
    detail_json   TEXT         NOT NULL,
    CONSTRAINT uq_reanalysed_frame UNIQUE (run_id, media_id),
    CONSTRAINT fk_reanalysed_frame_media FOREIGN KEY (media_id) REFERENCES stored_media (id)
);
CREATE INDEX ix_reanalysed_frame_media ON reanalysed_frame (media_id);
