-- Second review: who last called an attempt suspicious may not make its review FINAL (ExamAttempt.finalizeReview).
ALTER TABLE exam_attempt ADD COLUMN suspicious_by VARCHAR(100);
-- A reviewer confirms an incident (true positive) or dismisses it (false positive): the detector figures count both.
ALTER TABLE attempt_incident ADD COLUMN confirmed_by VARCHAR(100);
-- The live session view and the review queue read an exam's attempts, riskiest first.
CREATE INDEX ix_exam_attempt_exam_risk ON exam_attempt (exam_id, risk_score);
