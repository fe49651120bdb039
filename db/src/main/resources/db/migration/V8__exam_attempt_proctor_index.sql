-- Staff scoping: a proctor's dashboard and reads select the attempts assigned to them (exam_attempt.proctor).
CREATE INDEX ix_exam_attempt_proctor ON exam_attempt (proctor);
