-- One name per concept: the media index and the frame analyses refer to their attempt as attempt_id, with a
-- foreign key, like every other attempt table. Rows of no known attempt cannot exist from the application (frames
-- are only accepted for a real attempt); any left by an early version are removed first, analyses before media.
DELETE FROM frame_analysis WHERE attempt_ref NOT IN (SELECT id FROM exam_attempt);
DELETE FROM frame_analysis WHERE media_id IN (SELECT id FROM stored_media WHERE attempt_ref NOT IN (SELECT id FROM exam_attempt));
DELETE FROM stored_media WHERE attempt_ref NOT IN (SELECT id FROM exam_attempt);

ALTER TABLE frame_analysis RENAME COLUMN attempt_ref TO attempt_id;
ALTER TABLE frame_analysis ALTER COLUMN attempt_id SET DATA TYPE VARCHAR(36);
ALTER TABLE frame_analysis ADD CONSTRAINT fk_frame_analysis_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempt (id);

-- Enrolment photos belong to a registration, not to an attempt: attempt_id becomes optional, and a media row names
-- either its attempt (frames, screen chunks) or is an enrolment photo.
ALTER TABLE stored_media RENAME COLUMN attempt_ref TO attempt_id;
ALTER TABLE stored_media ALTER COLUMN attempt_id SET DATA TYPE VARCHAR(36);
ALTER TABLE stored_media ALTER COLUMN attempt_id DROP NOT NULL;
ALTER TABLE stored_media ADD CONSTRAINT fk_stored_media_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempt (id);
ALTER TABLE stored_media ADD CONSTRAINT ck_stored_media_owner CHECK (kind = 'ENROLMENT_PHOTO' OR attempt_id IS NOT NULL);

-- The candidate's enrolment photo for an exam: the reference face-match compares webcam frames with.
ALTER TABLE registration ADD COLUMN enrolment_media_id VARCHAR(36);
ALTER TABLE registration ADD CONSTRAINT fk_registration_enrolment_media FOREIGN KEY (enrolment_media_id) REFERENCES stored_media (id);
