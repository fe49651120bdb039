-- Every applied autosave of an answer, as it was saved (attempt_answer keeps only the latest): the history a
-- reviewer reads. Append-only from the application; a sequence is applied at most once per (attempt, question).
CREATE TABLE attempt_answer_revision (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    attempt_id      VARCHAR(36)   NOT NULL,
    question_id     VARCHAR(36)   NOT NULL,
    save_id         VARCHAR(64)   NOT NULL,
    save_sequence   BIGINT        NOT NULL,
    response        TEXT,
    saved_at        TIMESTAMP     NOT NULL,
    CONSTRAINT fk_answer_revision_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempt (id),
    CONSTRAINT fk_answer_revision_question FOREIGN KEY (question_id) REFERENCES exam_question (id),
    CONSTRAINT uq_answer_revision UNIQUE (attempt_id, question_id, save_sequence)
);

-- Answers saved before revisions were kept: their latest save is the first known revision (under the answer's id).
INSERT INTO attempt_answer_revision (id, attempt_id, question_id, save_id, save_sequence, response, saved_at)
    SELECT id, attempt_id, question_id, save_id, save_sequence, response, saved_at FROM attempt_answer;

-- Who confirmed a candidate's identity before the attempt became READY, how (PROCTOR, FACE_MATCH) and when.
ALTER TABLE exam_attempt ADD COLUMN identity_verified_by VARCHAR(100);
ALTER TABLE exam_attempt ADD COLUMN identity_verified_method VARCHAR(20);
ALTER TABLE exam_attempt ADD COLUMN identity_verified_at TIMESTAMP;
