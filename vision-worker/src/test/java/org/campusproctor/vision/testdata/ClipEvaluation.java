package org.campusproctor.vision.testdata;

import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.contract.vision.IncidentType;
import org.campusproctor.vision.application.StageScheduler;
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
        /** Capture time of the segment's first sampled frame. */
        public long firstMillis = -1;
        /** Pipeline time summed over the segment's frames (decode included). */
        public long elapsedMicros;

        SegmentResult(Clip.Segment segment) {
            this.segment = segment;
        }

        /** Time from the segment's first frame to the first incident of that type, or -1. */
        public long delayMillis(IncidentType type) {
            return incidents.stream().filter(i -> i.type() == type).mapToLong(i -> i.raisedAtMillis() - firstMillis)
                    .min().orElse(-1);
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
        return run(pipeline, clip, step, thresholds, 0, null);
    }

    /**
     * The same as an attempt sending one frame every {@code millisPerSample} (0: the clip's own time), with the
     * stages chosen by {@code scheduler} (null: every stage on every frame) as the worker does.
     */
    public static List<SegmentResult> run(FramePipeline pipeline, Clip clip, int step, IncidentThresholds thresholds,
                                          long millisPerSample, StageScheduler scheduler) {
        Map<Clip.Segment, SegmentResult> results = new LinkedHashMap<>();
        clip.segments().forEach(s -> results.put(s, new SegmentResult(s)));
        IncidentDetector detector = new IncidentDetector(a -> thresholds, Duration.ofHours(1));
        for (int i = 0; i < clip.frames().size(); i += step) {
            long at = millisPerSample > 0 ? (i / step) * millisPerSample : Clip.millisOf(i);
            String frameId = "frame-" + i;
            FrameAnalysis a = scheduler == null ? pipeline.analyse(clip.frames().get(i))
                    : pipeline.analyse(clip.frames().get(i), null, scheduler.plan("clip", frameId, at));
            if (scheduler != null) {
                scheduler.record("clip", frameId, at, a);
            }
            SegmentResult r = results.get(clip.segmentOf(i));
            r.frames++;
            r.elapsedMicros += a.elapsedMicros();
            if (r.firstMillis < 0) {
                r.firstMillis = at;
            }
            r.faceCountHistogram.merge(a.faceCount(), 1, Integer::sum);
            a.faces().stream().max(Comparator.comparingDouble(f -> f.box().area())).ifPresent(f -> {
                if (f.pose() != null) {
                    r.yaws.add(f.pose().yaw());
                }
                if (f.spoof() != null) {
                    r.liveScores.add(f.spoof().liveScore());
                }
            });
            r.incidents.addAll(detector.onFrame("clip", frameId, at, a));
        }
        return new ArrayList<>(results.values());
    }

}
