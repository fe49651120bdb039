-- Exams and their question banks.
CREATE TABLE exam (
    id                         VARCHAR(36)   NOT NULL PRIMARY KEY,
    title                      VARCHAR(200)  NOT NULL,
    instructions               TEXT,
    duration_seconds           BIGINT        NOT NULL,
    available_from             TIMESTAMP,
    available_until            TIMESTAMP,
    passing_score              NUMERIC(5, 2) NOT NULL,
    shuffle_questions          BOOLEAN       NOT NULL,
    shuffle_choices            BOOLEAN       NOT NULL,
    webcam_required            BOOLEAN       NOT NULL,
    screen_recording_required  BOOLEAN       NOT NULL,
    identity_check_required    BOOLEAN       NOT NULL,
    frame_interval_seconds     INTEGER       NOT NULL,
    review_risk_threshold      INTEGER       NOT NULL,
    incident_alert_count       INTEGER       NOT NULL,
    status                     VARCHAR(16)   NOT NULL,
    created_by                 VARCHAR(100)  NOT NULL,
    created_at                 TIMESTAMP     NOT NULL,
    version                    BIGINT        NOT NULL,
    CONSTRAINT ck_exam_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    CONSTRAINT ck_exam_duration CHECK (duration_seconds > 0)
);

-- Lists (options, accepted answers) are newline-separated text; correct option indexes comma-separated.
CREATE TABLE exam_question (
    id                 VARCHAR(36)    NOT NULL PRIMARY KEY,
    exam_id            VARCHAR(36)    NOT NULL,
    position           INTEGER        NOT NULL,
    type               VARCHAR(20)    NOT NULL,
    prompt             TEXT           NOT NULL,
    points             NUMERIC(8, 2)  NOT NULL,
    choices            TEXT,
    correct_choices    VARCHAR(200),
    correct_boolean    BOOLEAN,
    accepted_answers   TEXT,
    case_sensitive     BOOLEAN        NOT NULL,
    numeric_answer     NUMERIC(30, 10),
    numeric_tolerance  NUMERIC(30, 10),
    version            BIGINT         NOT NULL,
    CONSTRAINT fk_exam_question_exam FOREIGN KEY (exam_id) REFERENCES exam (id),
    CONSTRAINT uq_exam_question_position UNIQUE (exam_id, position)
);

-- A candidate registered for an exam, with the assigned proctor and allowances.
CREATE TABLE registration (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    exam_id             VARCHAR(36)   NOT NULL,
    candidate           VARCHAR(100)  NOT NULL,
    proctor             VARCHAR(100),
    extra_time_seconds  BIGINT        NOT NULL,
    accommodations      TEXT,
    registered_by       VARCHAR(100)  NOT NULL,
    registered_at       TIMESTAMP     NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT fk_registration_exam FOREIGN KEY (exam_id) REFERENCES exam (id),
    CONSTRAINT uq_registration_exam_candidate UNIQUE (exam_id, candidate)
);

-- One attempt per registration. The deadline column is what the server-side expiry sweep queries.
CREATE TABLE exam_attempt (
    id                       VARCHAR(36)    NOT NULL PRIMARY KEY,
    registration_id          VARCHAR(36)    NOT NULL,
    exam_id                  VARCHAR(36)    NOT NULL,
    candidate                VARCHAR(100)   NOT NULL,
    proctor                  VARCHAR(100),
    status                   VARCHAR(20)    NOT NULL,
    identity_check_required  BOOLEAN        NOT NULL,
    shuffle_seed             BIGINT         NOT NULL,
    created_at               TIMESTAMP      NOT NULL,
    started_at               TIMESTAMP,
    allowed_seconds          BIGINT         NOT NULL,
    extension_seconds        BIGINT         NOT NULL,
    paused_seconds           BIGINT         NOT NULL,
    paused_since             TIMESTAMP,
    deadline                 TIMESTAMP,
    ended_at                 TIMESTAMP,
    end_reason               VARCHAR(500),
    review_status            VARCHAR(20),
    review_decision          VARCHAR(20),
    review_reason            VARCHAR(2000),
    reviewed_by              VARCHAR(100),
    score                    NUMERIC(10, 2),
    max_score                NUMERIC(10, 2),
    grading_complete         BOOLEAN        NOT NULL,
    risk_score               INTEGER        NOT NULL,
    version                  BIGINT         NOT NULL,
    CONSTRAINT fk_exam_attempt_registration FOREIGN KEY (registration_id) REFERENCES registration (id),
    CONSTRAINT fk_exam_attempt_exam FOREIGN KEY (exam_id) REFERENCES exam (id),
    CONSTRAINT uq_exam_attempt_registration UNIQUE (registration_id),
    CONSTRAINT ck_exam_attempt_status CHECK (status IN ('CREATED', 'IDENTITY_CHECK', 'READY', 'IN_PROGRESS', 'PAUSED',
        'SUBMITTED', 'EXPIRED', 'TERMINATED', 'ERROR'))
);
CREATE INDEX ix_exam_attempt_deadline ON exam_attempt (status, deadline);
CREATE INDEX ix_exam_attempt_candidate ON exam_attempt (candidate);

-- One row per (attempt, question): retried autosaves can never duplicate an answer.
CREATE TABLE attempt_answer (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    attempt_id      VARCHAR(36)   NOT NULL,
    question_id     VARCHAR(36)   NOT NULL,
    response        TEXT,
    save_id         VARCHAR(64)   NOT NULL,
    save_sequence   BIGINT        NOT NULL,
    saved_at        TIMESTAMP     NOT NULL,
    awarded_points  NUMERIC(8, 2),
    needs_grading   BOOLEAN       NOT NULL,
    graded_by       VARCHAR(100),
    grader_comment  VARCHAR(2000),
    version         BIGINT        NOT NULL,
    CONSTRAINT fk_attempt_answer_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempt (id),
    CONSTRAINT fk_attempt_answer_question FOREIGN KEY (question_id) REFERENCES exam_question (id),
    CONSTRAINT uq_attempt_answer UNIQUE (attempt_id, question_id)
);
CREATE INDEX ix_attempt_answer_question ON attempt_answer (question_id);

CREATE TABLE attempt_incident (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    attempt_id          VARCHAR(36)   NOT NULL,
    incident_type       VARCHAR(64)   NOT NULL,
    source              VARCHAR(16)   NOT NULL,
    severity            VARCHAR(16)   NOT NULL,
    occurred_at         TIMESTAMP     NOT NULL,
    evidence_media_ids  VARCHAR(2000),
    scores_json         TEXT,
    reported_by         VARCHAR(100)  NOT NULL,
    dismissed           BOOLEAN       NOT NULL,
    dismissed_by        VARCHAR(100),
    dismissed_reason    VARCHAR(2000),
    version             BIGINT        NOT NULL,
    CONSTRAINT fk_attempt_incident_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempt (id)
);
CREATE INDEX ix_attempt_incident_attempt ON attempt_incident (attempt_id, occurred_at);

-- Append-only timeline of an attempt (transitions, proctor actions, messages, incidents, review, grading).
CREATE TABLE attempt_timeline (
    id           VARCHAR(36)    NOT NULL PRIMARY KEY,
    attempt_id   VARCHAR(36)    NOT NULL,
    occurred_at  TIMESTAMP      NOT NULL,
    actor        VARCHAR(100)   NOT NULL,
    kind         VARCHAR(20)    NOT NULL,
    action       VARCHAR(64)    NOT NULL,
    detail       VARCHAR(2000),
    CONSTRAINT fk_attempt_timeline_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempt (id)
);
CREATE INDEX ix_attempt_timeline_attempt ON attempt_timeline (attempt_id, occurred_at);

-- Append-only audit log of security-relevant and grading actions.
CREATE TABLE audit_log (
    id           VARCHAR(36)    NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP      NOT NULL,
    actor        VARCHAR(100)   NOT NULL,
    action       VARCHAR(64)    NOT NULL,
    target_type  VARCHAR(32),
    target_id    VARCHAR(100),
    detail       VARCHAR(2000),
    origin       VARCHAR(100)
);
CREATE INDEX ix_audit_log_at ON audit_log (occurred_at);
CREATE INDEX ix_audit_log_target ON audit_log (target_id);
