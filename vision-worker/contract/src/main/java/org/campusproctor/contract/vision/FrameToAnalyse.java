package org.campusproctor.contract.vision;

import java.util.Objects;

/**
 * The body of a {@link Queues#FRAMES} message: a stored webcam frame for the vision workers.
 *
 * @param mediaId             the frame's id in the media index
 * @param attemptId           the exam attempt it belongs to (also the message group: one consumer, in order)
 * @param storageKey          where the media store keeps the bytes
 * @param capturedAtMillis    capture time (epoch ms), the clock of the incident rules
 * @param enrolmentStorageKey the candidate's enrolment photo in the media store, or null: no face match
 * @param incidentThresholds  the exam's overrides of the incident rules, or null: the defaults
 * @param reanalysisRunId     null for a live frame; else the re-analysis run (batch job instance) that sent the
 *                            stored frame again: the worker keeps that run's incident-rule state apart from the
 *                            attempt's, and the exam application stores the result with the run, never as incidents
 */
public record FrameToAnalyse(String mediaId, String attemptId, String storageKey, long capturedAtMillis,
                             String enrolmentStorageKey, IncidentThresholds incidentThresholds,
                             String reanalysisRunId) {

    public FrameToAnalyse {
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(storageKey, "storageKey");
    }
}
