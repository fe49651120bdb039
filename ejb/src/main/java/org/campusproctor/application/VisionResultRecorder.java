package org.campusproctor.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.campusproctor.contract.vision.FrameAnalysisReport;
import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.media.FrameAnalysed;
import org.campusproctor.domain.media.FrameAnalysisRecord;
import org.campusproctor.domain.media.ReanalysedFrame;
import org.campusproctor.domain.media.StoredMedia;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * Records a vision worker's report on a frame (once: redelivered results are ignored) and announces it. Each
 * incident the report raised becomes an incident on the attempt, in the same transaction (see
 * {@link IncidentReporting}). A report on a frame sent again by a re-analysis run is stored with the run only
 * ({@link ReanalysedFrame}): it raises nothing on the attempt and is not announced to the proctors.
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

    /** @param reportJson the report as the worker sent it, kept as the evidence behind any flag */
    public void record(@NotNull FrameAnalysisReport report, @NotNull String reportJson) {
        String mediaId = report.mediaId();
        if (report.reanalysisRunId() != null) {
            recordReanalysis(report, reportJson);
            return;
        }
        if (mediaId == null || em.find(FrameAnalysisRecord.class, mediaId) != null) {
            LOG.fine(() -> "Analysis of " + mediaId + " already recorded; duplicate delivery ignored");
            return;
        }
        StoredMedia frame = em.find(StoredMedia.class, mediaId);
        if (frame == null || frame.attemptId() == null) {
            throw new IllegalArgumentException("Analysis for unknown frame " + mediaId);
        }
        if (!frame.attemptId().equals(report.attemptId())) {
            throw new IllegalArgumentException("Analysis of frame " + mediaId + " names attempt " + report.attemptId()
                    + ", the frame belongs to " + frame.attemptId());
        }
        frame.analysisRecorded();
        em.persist(new FrameAnalysisRecord(mediaId, frame.attemptId(), FrameAnalysisRecord.Status.ANALYSED,
                report.faceCount(), report.workerNode(), Instant.now(), reportJson));
        for (VisionIncident incident : report.incidents()) {
            VisionIncidents.Reported r = VisionIncidents.of(incident, mediaId);
            incidents.raiseIncident(frame.attemptId(), r.type(), r.severity(), r.evidence(), r.scoresJson(), r.startedAt());
        }
        ExamAttempt attempt = em.find(ExamAttempt.class, frame.attemptId());
        analysed.fire(new FrameAnalysed(FrameAnalysisRecord.Status.ANALYSED.name(), report, attempt.proctor()));
    }

    private void recordReanalysis(FrameAnalysisReport report, String reportJson) {
        long runId;
        try {
            runId = Long.parseLong(report.reanalysisRunId());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Re-analysis result with a malformed run id " + report.reanalysisRunId());
        }
        String mediaId = report.mediaId();
        if (mediaId == null || em.find(ReanalysedFrame.class, ReanalysedFrame.id(runId, mediaId)) != null) {
            LOG.fine(() -> "Re-analysis " + runId + " of " + mediaId + " already recorded; duplicate delivery ignored");
            return;
        }
        StoredMedia frame = em.find(StoredMedia.class, mediaId);
        if (frame == null || !java.util.Objects.equals(frame.attemptId(), report.attemptId())) {
            throw new IllegalArgumentException("Re-analysis of unknown frame " + mediaId + " of attempt " + report.attemptId());
        }
        em.persist(new ReanalysedFrame(runId, mediaId, frame.attemptId(), report.faceCount(), report.workerNode(),
                Instant.now(), reportJson));
    }
}
