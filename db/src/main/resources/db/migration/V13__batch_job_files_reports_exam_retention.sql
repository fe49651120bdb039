-- Files of the batch jobs: uploads they read (an enrolment CSV, a zip of enrolment photos) and exports they write
-- (results as CSV and PDF, a candidate's data archive). The bytes are in the media store under storage_key; this row
-- is what keeps them there (the media sweep keeps a file only if a row names it).
CREATE TABLE job_file (
    id               VARCHAR(36)  PRIMARY KEY,
    purpose          VARCHAR(32)  NOT NULL,
    file_name        VARCHAR(200) NOT NULL,
    content_type     VARCHAR(100) NOT NULL,
    storage_key      VARCHAR(255) NOT NULL UNIQUE,
    size_bytes       BIGINT       NOT NULL,
    sha256           VARCHAR(64)  NOT NULL,
    owner            VARCHAR(100) NOT NULL,
    job_instance_id  BIGINT,
    created_at       TIMESTAMP    NOT NULL
);
CREATE INDEX ix_job_file_instance ON job_file (job_instance_id);

-- What a job rejected, item by item (an import's line and why), written in the transaction of the chunk that read
-- it: a restarted job neither loses nor repeats a line. Keyed by the job instance, which all its restarts share.
CREATE TABLE job_report_line (
    id               VARCHAR(36)  PRIMARY KEY,
    job_instance_id  BIGINT       NOT NULL,
    line_number      BIGINT       NOT NULL,
    item             VARCHAR(200),
    reason           VARCHAR(500) NOT NULL,
    created_at       TIMESTAMP    NOT NULL,
    CONSTRAINT uq_job_report_line UNIQUE (job_instance_id, line_number)
);

-- How long an exam's frames, recordings and enrolment photos are kept once nothing needs them (null: the retention
-- job's default).
ALTER TABLE exam ADD COLUMN media_retention_days INTEGER;
