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
import java.util.List;
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
        if (mediaId == null) {
            LOG.fine("Analysis without a frame id ignored");
            return;
        }
        // The usual case in one statement: the frame of that attempt awaits its analysis, and is claimed for it (the
        // flag and the record below commit together, so a redelivered report finds the frame claimed already).
        boolean claimed = em.createNamedQuery(StoredMedia.CLAIM_FOR_ANALYSIS).setParameter("id", mediaId)
                .setParameter("attemptId", report.attemptId()).executeUpdate() == 1;
        if (!claimed && !claimableAnyway(report)) {
            return;
        }
        em.persist(new FrameAnalysisRecord(mediaId, report.attemptId(), FrameAnalysisRecord.Status.ANALYSED,
                report.faceCount(), report.workerNode(), Instant.now(), reportJson));
        for (VisionIncident incident : report.incidents()) {
            VisionIncidents.Reported r = VisionIncidents.of(incident, mediaId);
            incidents.raiseIncident(report.attemptId(), r.type(), r.severity(), r.evidence(), r.scoresJson(),
                    r.startedAt());
        }
        List<String> proctor = em.createNamedQuery(ExamAttempt.PROCTOR_OF, String.class)
                .setParameter("id", report.attemptId()).getResultList(); // one row; its value is null when unassigned
        analysed.fire(new FrameAnalysed(FrameAnalysisRecord.Status.ANALYSED.name(), report,
                proctor.isEmpty() ? null : proctor.get(0)));
    }

    /**
     * A report whose frame was not claimed: a duplicate delivery (ignored), a report on an unknown frame or naming
     * another attempt (refused, so that it is dead-lettered), or one on a medium that awaits no analysis.
     *
     * @return whether to record it all the same (a medium of that attempt without a recorded analysis)
     */
    private boolean claimableAnyway(FrameAnalysisReport report) {
        String mediaId = report.mediaId();
        if (em.find(FrameAnalysisRecord.class, mediaId) != null) {
            LOG.fine(() -> "Analysis of " + mediaId + " already recorded; duplicate delivery ignored");
            return false;
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
        return true;
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
