package org.campusproctor.vision.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.campusproctor.contract.media.MediaStore;
import org.campusproctor.contract.vision.FrameAnalysisReport;
import org.campusproctor.contract.vision.FrameToAnalyse;
import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.vision.pipeline.FrameAnalysis;
import org.campusproctor.vision.pipeline.FramePipeline;
import org.campusproctor.vision.pipeline.FramePlan;

import java.util.List;

/**
 * Analyses one frame: loads it from the media store, runs the vision pipeline with the stages the attempt's schedule
 * chose (with face match when the message names an enrolment photo), feeds the attempt's schedule and incident rules
 * and reports what it found and raised.
 */
@ApplicationScoped
public class FrameAnalyser {

    @Inject
    private MediaStore mediaStore;

    @Inject
    private SharedVisionPipeline pipeline;

    @Inject
    private IncidentTracker incidents;

    @Inject
    private EnrolmentEmbeddings enrolments;

    /**
     * @throws org.campusproctor.vision.pipeline.CorruptFrameException      the image can never be analysed
     * @throws org.campusproctor.vision.pipeline.ModelUnavailableException  a model the stages need is missing
     * @throws org.campusproctor.contract.media.MediaNotFoundException      the frame was purged before analysis
     */
    public FrameAnalysisReport analyse(FrameToAnalyse frame) {
        FramePipeline p = pipeline.get();
        float[] enrolment = enrolments.lookup(frame.enrolmentStorageKey(), p);
        String key = incidentStateKey(frame);
        incidents.thresholdsOf(key, frame.incidentThresholds());
        FramePlan plan = incidents.plan(key, frame.mediaId(), frame.capturedAtMillis());
        FrameAnalysis analysis = p.analyse(mediaStore.get(frame.storageKey()), enrolment, plan);
        List<VisionIncident> raised = incidents.onFrame(frame.reanalysisRunId(), key, frame.mediaId(),
                        frame.capturedAtMillis(), analysis).stream()
                .map(i -> key.equals(frame.attemptId()) ? i : new VisionIncident(i.type(), frame.attemptId(),
                        i.startedAtMillis(), i.raisedAtMillis(), i.message(), i.evidence(), i.thresholds()))
                .toList();
        return AnalysisReports.of(frame, SharedVisionPipeline.NODE, analysis, raised);
    }

    /**
     * Whose incident-rule state a frame feeds: its attempt's, or for a re-analysis its run's own state of that
     * attempt (a re-analysis, with other thresholds perhaps, must neither see nor disturb the live episodes).
     */
    static String incidentStateKey(FrameToAnalyse frame) {
        return frame.reanalysisRunId() == null ? frame.attemptId()
                : "reanalysis-" + frame.reanalysisRunId() + "/" + frame.attemptId();
    }
}
