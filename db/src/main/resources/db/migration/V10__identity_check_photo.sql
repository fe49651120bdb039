-- The identity check by face match: the candidate's latest identity-check photo, what the automatic comparison
-- with the enrolment photo found (outcome, distance and the threshold in force), and how many photos were sent.
-- No foreign key on the photo: media retention removes media rows of closed attempts, the attempt keeps the id.
ALTER TABLE exam_attempt ADD COLUMN identity_photo_media_id VARCHAR(36);
ALTER TABLE exam_attempt ADD COLUMN identity_check_outcome VARCHAR(20);
ALTER TABLE exam_attempt ADD COLUMN identity_match_distance DOUBLE PRECISION;
ALTER TABLE exam_attempt ADD COLUMN identity_match_threshold DOUBLE PRECISION;
ALTER TABLE exam_attempt ADD COLUMN identity_photo_count INTEGER DEFAULT 0 NOT NULL;
