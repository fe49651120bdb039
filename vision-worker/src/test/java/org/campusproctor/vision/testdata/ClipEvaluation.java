package org.campusproctor.vision.testdata;

import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.contract.vision.IncidentType;
import org.campusproctor.vision.incidents.IncidentDetector;
import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.vision.pipeline.FrameAnalysis;
import org.campusproctor.vision.pipeline.FramePipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the clip through the pipeline and the incident rules as one attempt, sampling every {@code step}-th frame
 * (timestamps from the 30 fps frame index), and summarises per labelled segment.
 */
public final class ClipEvaluation {

    /** What happened in one segment. */
    public static final class SegmentResult {
        public final Clip.Segment segment;
        public final Map<Integer, Integer> faceCountHistogram = new TreeMap<>();
        public final List<Double> yaws = new ArrayList<>();
        public final List<Double> liveScores = new ArrayList<>();
        public final List<VisionIncident> incidents = new ArrayList<>();
        public int frames;

        SegmentResult(Clip.Segment segment) {
            this.segment = segment;
        }

        public List<IncidentType> incidentTypes() {
            return incidents.stream().map(VisionIncident::type).distinct().toList();
        }

        public static double mean(List<Double> v) {
            return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    /** The incident types a segment kind should raise (and no others). */
    public static List<IncidentType> expected(String kind) {
        return switch (kind) {
            case "single_face_turned_away" -> List.of(IncidentType.LOOKING_AWAY);
            case "no_person" -> List.of(IncidentType.NO_FACE);
            case "two_faces" -> List.of(IncidentType.MULTIPLE_FACES);
            case "spoof_screen_replay" -> List.of(IncidentType.SPOOF_SUSPECTED);
            default -> List.of();
        };
    }

    public static List<SegmentResult> run(FramePipeline pipeline, Clip clip, int step, IncidentThresholds thresholds) {
        Map<Clip.Segment, SegmentResult> results = new LinkedHashMap<>();
        clip.segments().forEach(s -> results.put(s, new SegmentResult(s)));
        IncidentDetector detector = new IncidentDetector(a -> thresholds, Duration.ofHours(1));
        for (int i = 0; i < clip.frames().size(); i += step) {
            FrameAnalysis a = pipeline.analyse(clip.frames().get(i));
            SegmentResult r = results.get(clip.segmentOf(i));
            r.frames++;
            r.faceCountHistogram.merge(a.faceCount(), 1, Integer::sum);
            a.faces().stream().max(Comparator.comparingDouble(f -> f.box().area())).ifPresent(f -> {
                if (f.pose() != null) {
                    r.yaws.add(f.pose().yaw());
                }
                if (f.spoof() != null) {
                    r.liveScores.add(f.spoof().liveScore());
                }
            });
            r.incidents.addAll(detector.onFrame("clip", "frame-" + i, Clip.millisOf(i), a));
        }
        return new ArrayList<>(results.values());
    }

}
