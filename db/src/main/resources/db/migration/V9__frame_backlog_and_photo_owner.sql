-- Frames awaiting analysis: set when a webcam frame is accepted, cleared when its analysis is recorded. Frame intake
-- counts the recent ones (index below) to refuse uploads while the vision workers are behind. Frames accepted before
-- this version and never analysed are marked too.
ALTER TABLE stored_media ADD COLUMN awaiting_analysis BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE stored_media SET awaiting_analysis = TRUE
 WHERE kind = 'WEBCAM_FRAME' AND NOT EXISTS (SELECT 1 FROM frame_analysis a WHERE a.media_id = stored_media.id);
CREATE INDEX ix_stored_media_awaiting ON stored_media (awaiting_analysis, stored_at);

-- The registration an enrolment photo was recorded for (the current photo and the ones it replaced), so that media
-- retention keeps every photo of a registration still open. Photos stored before this version are found by their
-- storage key, enrolment/<registration id>/<media id>.<ext>.
ALTER TABLE stored_media ADD COLUMN registration_id VARCHAR(36);
UPDATE stored_media SET registration_id = SUBSTRING(storage_key, 11, 36)
 WHERE kind = 'ENROLMENT_PHOTO' AND storage_key LIKE 'enrolment/%'
   AND SUBSTRING(storage_key, 11, 36) IN (SELECT id FROM registration);
ALTER TABLE stored_media ADD CONSTRAINT fk_stored_media_registration FOREIGN KEY (registration_id) REFERENCES registration (id);
CREATE INDEX ix_stored_media_registration ON stored_media (registration_id);
