-- Per-exam incident thresholds for the vision workers' rules: a JSON object of overrides
-- (e.g. {"maxYawDegrees":20,"lookingAwayForMillis":1000}); NULL = the platform defaults.
ALTER TABLE exam ADD COLUMN incident_thresholds VARCHAR(2000);
