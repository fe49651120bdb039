-- Media store index: every stored object (webcam frame, screen-recording chunk) with its checksum.
-- The bytes live in the media store (a directory by default); the row is the proof of what was accepted.
CREATE TABLE stored_media (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    kind          VARCHAR(32)  NOT NULL,
    attempt_ref   VARCHAR(64)  NOT NULL,
    storage_key   VARCHAR(255) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    captured_at   TIMESTAMP    NOT NULL,
    stored_at     TIMESTAMP    NOT NULL,
    CONSTRAINT uq_stored_media_key UNIQUE (storage_key)
);
CREATE INDEX ix_stored_media_attempt ON stored_media (attempt_ref, captured_at);
CREATE INDEX ix_stored_media_stored_at ON stored_media (stored_at);

-- What a vision worker said about one frame: the evidence behind any flag (JSON document of every score).
CREATE TABLE frame_analysis (
    media_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    attempt_ref   VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    face_count    INTEGER,
    worker_node   VARCHAR(100) NOT NULL,
    analysed_at   TIMESTAMP    NOT NULL,
    detail_json   TEXT         NOT NULL,
    CONSTRAINT fk_frame_analysis_media FOREIGN KEY (media_id) REFERENCES stored_media (id)
);
CREATE INDEX ix_frame_analysis_attempt ON frame_analysis (attempt_ref, analysed_at);
