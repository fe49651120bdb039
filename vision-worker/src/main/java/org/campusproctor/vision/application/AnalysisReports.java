package org.campusproctor.vision.application;

import org.campusproctor.contract.vision.FrameAnalysisReport;
import org.campusproctor.contract.vision.FrameToAnalyse;
import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.vision.pipeline.Box;
import org.campusproctor.vision.pipeline.DetectedObject;
import org.campusproctor.vision.pipeline.FaceAnalysis;
import org.campusproctor.vision.pipeline.FrameAnalysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the pipeline found into the report the exam application reads: pixel values to 0.1, scores to 1e-4,
 * and nothing the exam application has no use for (embeddings stay on the worker).
 */
public final class AnalysisReports {

    private AnalysisReports() {
    }

    public static FrameAnalysisReport of(FrameToAnalyse frame, String workerNode, FrameAnalysis a,
                                         List<VisionIncident> incidents) {
        return new FrameAnalysisReport(frame.mediaId(), frame.attemptId(), frame.capturedAtMillis(), workerNode,
                a.width(), a.height(), a.executionProvider(), a.stages(), a.elapsedMicros(), a.faceCount(),
                faces(a.faces()), faces(a.rejectedFaces()),
                a.objects() == null ? null : a.objects().stream().map(AnalysisReports::object).toList(),
                a.inferenceMicros(), incidents, frame.reanalysisRunId());
    }

    private static List<FrameAnalysisReport.Face> faces(List<FaceAnalysis> faces) {
        return faces.stream().map(AnalysisReports::face).toList();
    }

    private static FrameAnalysisReport.Face face(FaceAnalysis f) {
        List<Double> keypoints = new ArrayList<>(f.keypoints().length);
        for (double v : f.keypoints()) {
            keypoints.add(px(v));
        }
        FrameAnalysisReport.HeadPose pose = f.pose() == null ? null : new FrameAnalysisReport.HeadPose(
                px(f.pose().yaw()), px(f.pose().pitch()), px(f.pose().roll()), px(f.pose().reprojectionError()));
        FrameAnalysisReport.Gaze gaze = f.gaze() == null ? null : new FrameAnalysisReport.Gaze(
                score(f.gaze().horizontal()), score(f.gaze().vertical()), f.gaze().eyes());
        FrameAnalysisReport.Spoof spoof = null;
        if (f.spoof() != null) {
            Map<String, Double> byModel = new LinkedHashMap<>();
            f.spoof().liveScoreByModel().forEach((k, v) -> byModel.put(k, score(v)));
            spoof = new FrameAnalysisReport.Spoof(score(f.spoof().liveScore()), f.spoof().live(), byModel);
        }
        return new FrameAnalysisReport.Face(box(f.box()), score(f.detectionScore()), keypoints,
                f.landmarkScore() == null ? null : score(f.landmarkScore()), pose, gaze,
                f.mouthOpening() == null ? null : score(f.mouthOpening()), spoof,
                f.matchDistance() == null ? null : score(f.matchDistance()));
    }

    private static FrameAnalysisReport.DetectedObject object(DetectedObject o) {
        return new FrameAnalysisReport.DetectedObject(o.classId(), o.label(), score(o.score()), box(o.box()));
    }

    private static FrameAnalysisReport.Box box(Box b) {
        return new FrameAnalysisReport.Box(px(b.x()), px(b.y()), px(b.width()), px(b.height()));
    }

    private static double px(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double score(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
