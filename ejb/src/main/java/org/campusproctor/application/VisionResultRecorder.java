package org.campusproctor.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.campusproctor.domain.media.FrameAnalysed;
import org.campusproctor.domain.media.FrameAnalysisRecord;
import org.campusproctor.domain.media.StoredMedia;

import org.campusproctor.domain.attempt.ExamAttempt;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * Records a vision worker's analysis of a frame (once: redelivered results are ignored) and announces it. When the
 * frame belongs to a real attempt and the analysis carries {@code "incidents": [...]} (see {@link VisionIncidents}),
 * each becomes an incident on the attempt, in the same transaction (see {@link IncidentReporting}).
 */
@Stateless
@PermitAll // internal: called by the vision-results MDB, which has no caller identity; no REST resource reaches it
public class VisionResultRecorder {

    private static final Logger LOG = Logger.getLogger(VisionResultRecorder.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<FrameAnalysed> analysed;

    @Inject
    private IncidentReporting incidents;

    public void record(@NotBlank String mediaId, @NotNull FrameAnalysisRecord.Status status, Integer faceCount,
                       @NotBlank String workerNode, @NotNull String detailJson) {
        if (em.find(FrameAnalysisRecord.class, mediaId) != null) {
            LOG.fine(() -> "Analysis of " + mediaId + " already recorded; duplicate delivery ignored");
            return;
        }
        StoredMedia frame = em.find(StoredMedia.class, mediaId);
        if (frame == null) {
            throw new IllegalArgumentException("Analysis for unknown frame " + mediaId);
        }
        em.persist(new FrameAnalysisRecord(mediaId, frame.attemptRef(), status, faceCount, workerNode,
                Instant.now(), detailJson));
        if (em.find(ExamAttempt.class, frame.attemptRef()) != null) {
            raiseIncidents(frame.attemptRef(), mediaId, detailJson);
        }
        analysed.fire(new FrameAnalysed(mediaId, frame.attemptRef(), status.name(), faceCount, workerNode, detailJson));
    }

    private void raiseIncidents(String attemptId, String mediaId, String detailJson) {
        for (VisionIncidents.Reported incident : VisionIncidents.parse(detailJson, mediaId)) {
            incidents.raiseIncident(attemptId, incident.type(), incident.severity(), incident.evidence(), incident.scoresJson(),
                    incident.startedAt());
        }
    }
}
