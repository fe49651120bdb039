package org.campusproctor.vision.application;

import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.vision.pipeline.DetectedObject;
import org.campusproctor.vision.pipeline.FaceAnalysis;
import org.campusproctor.vision.pipeline.FrameAnalysis;
import org.campusproctor.vision.pipeline.FramePlan;
import org.campusproctor.vision.pipeline.HeadPose;
import org.campusproctor.vision.pipeline.PipelineOptions.Stage;
import org.campusproctor.vision.pipeline.StillFrame;
import org.campusproctor.vision.pipeline.TrackedFace;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the stages of each frame of an attempt ({@link #plan}) from what the attempt's previous frames gave
 * ({@link #record}): the face detector only every {@code detectEvery} (tracking the attempt's lone face in between),
 * the object detector, spoof models, gaze and face match only every so often, and each of them on every frame while
 * its last result could raise an incident ("by need": a phone or two persons seen, a spoof score, a gaze away, a
 * recent mismatch, no face or several), so a running episode is judged on every frame as without a schedule.
 * A frame where only tracking is due is offered the attempt's last analysed frame ({@link StillFrame}, only one with a
 * lone face within the rules' limits, at most {@code stillReuseMillis} old): when it barely differs from it, it takes
 * that frame's face results instead of being analysed.
 * <p>
 * An attempt's frames come in capture order on one consumer (message groups). A redelivered frame gets the plan it
 * got the first time and is recorded once; an older frame than the last one gets every stage and changes nothing.
 * State per attempt is bounded (least recently seen attempts fall out and start again with every stage).
 */
public final class StageScheduler {

    /** Stages the schedule decides on; the others run on every frame. */
    public static final List<Stage> SCHEDULED = List.of(Stage.DETECT, Stage.GAZE, Stage.SPOOF, Stage.MATCH, Stage.OBJECTS);

    /**
     * What an attempt got: frames seen, runs per scheduled stage, the longest time between two runs, and the frames
     * that took a still frame's results.
     */
    public record Coverage(int frames, Map<Stage, Integer> runs, Map<Stage, Long> longestGapMillis, int reused) {
    }

    private final StageSchedule schedule;
    private final Function<String, IncidentThresholds> thresholdsByAttempt;
    private final LruCache<String, AttemptStages> attempts;

    public StageScheduler(StageSchedule schedule, Function<String, IncidentThresholds> thresholdsByAttempt, int maxAttempts) {
        this.schedule = schedule;
        this.thresholdsByAttempt = thresholdsByAttempt;
        this.attempts = new LruCache<>(maxAttempts);
    }

    public StageSchedule schedule() {
        return schedule;
    }

    /** The stages to run on this frame of the attempt. */
    public FramePlan plan(String attemptId, String frameId, long capturedAtMillis) {
        AttemptStages s = state(attemptId);
        synchronized (s) {
            if (frameId.equals(s.plannedFrameId)) {
                return s.plannedPlan; // redelivered: the same stages, so the same answer
            }
            if (s.lastAt != Long.MIN_VALUE && capturedAtMillis < s.lastAt) {
                return FramePlan.EVERYTHING; // out of order: the rules ignore it, nothing to save on
            }
            long at = capturedAtMillis;
            boolean gap = s.lastAt != Long.MIN_VALUE && at - s.lastAt > thresholds(attemptId).maxGap().toMillis();
            boolean detect = s.track == null || gap || due(s.last, Stage.DETECT, schedule.detectEveryMillis(), at);
            boolean gaze = s.gazeNeeded || due(s.last, Stage.GAZE, schedule.gazeEveryMillis(), at);
            boolean spoof = s.spoofNeeded || due(s.last, Stage.SPOOF, schedule.spoofEveryMillis(), at);
            boolean match = s.matchNeeded() || due(s.last, Stage.MATCH, schedule.matchEveryMillis(), at);
            boolean objects = s.objectsNeeded || due(s.last, Stage.OBJECTS, schedule.objectsEveryMillis(), at);
            // a frame where only tracking is due may take the last analysed frame's results, if it barely differs
            StillFrame still = !detect && !gaze && !spoof && !match && !objects && s.still != null
                    && at - s.still.capturedAtMillis() <= schedule.stillReuseMillis() ? s.still : null;
            FramePlan plan = new FramePlan(detect ? null : s.track, gaze, spoof, match, objects, still,
                    schedule.stillFrames() ? schedule.stillMaxDifference() : 0);
            s.plannedFrameId = frameId;
            s.plannedPlan = plan;
            return plan;
        }
    }

    /** What the pipeline found on a frame of the attempt (once per frame; a redelivered frame is not counted again). */
    public void record(String attemptId, String frameId, long capturedAtMillis, FrameAnalysis a) {
        AttemptStages s = state(attemptId);
        synchronized (s) {
            if (frameId.equals(s.recordedFrameId) || (s.lastAt != Long.MIN_VALUE && capturedAtMillis < s.lastAt)) {
                return;
            }
            IncidentThresholds t = thresholds(attemptId);
            long at = capturedAtMillis;
            s.recordedFrameId = frameId;
            s.lastAt = at;
            s.frames++;
            if (a.reused()) {
                s.reused++; // nothing ran: the still frame, its face and the stages' last runs stay as they were
                return;
            }
            if (a.detected()) {
                s.ran(Stage.DETECT, at);
            }
            s.track = a.track();
            Optional<FaceAnalysis> primary = a.faces().stream().max(Comparator.comparingDouble(f -> f.box().area()));
            if (primary.isPresent() && primary.get().spoof() != null) {
                s.ran(Stage.SPOOF, at);
                s.spoofNeeded = primary.get().spoof().liveScore() < t.minLiveScore();
            }
            if (primary.isPresent() && primary.get().gaze() != null) {
                s.ran(Stage.GAZE, at);
                s.gazeNeeded = primary.get().gaze().eyes() > 0
                        && Math.abs(primary.get().gaze().horizontal()) > t.maxGazeOffset();
            }
            if (primary.isPresent() && primary.get().matchDistance() != null) {
                s.ran(Stage.MATCH, at);
                s.recentMatches.addLast(primary.get().matchDistance() > t.maxMatchDistance());
                while (s.recentMatches.size() > 2 * t.mismatchFrames()) {
                    s.recentMatches.removeFirst();
                }
            }
            if (a.objects() != null) {
                s.ran(Stage.OBJECTS, at);
                double phone = a.objects().stream().filter(o -> o.label().equals("cell phone"))
                        .mapToDouble(DetectedObject::score).max().orElse(0);
                long persons = a.objects().stream().filter(o -> o.label().equals("person")).count();
                s.objectsNeeded = phone >= t.minPhoneScore() || persons >= 2;
            }
            s.still = stillFrame(a, primary, t, at);
        }
    }

    /**
     * The frame as the next frames' still frame: only a lone face followed onwards, its head within the rules'
     * limits (a frame that would extend a looking-away episode is always analysed); a face-less frame, several faces
     * or a lost track end it.
     */
    private StillFrame stillFrame(FrameAnalysis a, Optional<FaceAnalysis> primary, IncidentThresholds t, long at) {
        if (!schedule.stillFrames() || a.thumbnail() == null || a.track() == null || a.faces().size() != 1
                || primary.isEmpty() || primary.get().pose() == null) {
            return null;
        }
        HeadPose pose = primary.get().pose();
        if (Math.abs(pose.yaw()) > t.maxYawDegrees() || Math.abs(pose.pitch()) > t.maxPitchDegrees()) {
            return null;
        }
        return new StillFrame(a.thumbnail(), a.withThumbnail(null), at);
    }

    /** The attempt's coverage so far (null when the attempt is not (or no longer) known here). */
    public Coverage coverage(String attemptId) {
        AttemptStages s = attempts.get(attemptId);
        if (s == null) {
            return null;
        }
        synchronized (s) {
            return new Coverage(s.frames, new EnumMap<>(s.runs), new EnumMap<>(s.longestGap), s.reused);
        }
    }

    private static boolean due(Map<Stage, Long> last, Stage stage, long every, long at) {
        Long l = last.get(stage);
        return every == 0 || l == null || at - l >= every;
    }

    private IncidentThresholds thresholds(String attemptId) {
        return Optional.ofNullable(thresholdsByAttempt.apply(attemptId)).orElse(IncidentThresholds.DEFAULTS);
    }

    private AttemptStages state(String attemptId) {
        synchronized (attempts) {
            AttemptStages s = attempts.get(attemptId);
            if (s == null) {
                s = new AttemptStages();
                attempts.put(attemptId, s);
            }
            return s;
        }
    }

    private static final class AttemptStages {
        long lastAt = Long.MIN_VALUE;
        String plannedFrameId;
        FramePlan plannedPlan;
        String recordedFrameId;
        TrackedFace track;
        /** The last analysed frame, when the next frames may take its results. */
        StillFrame still;
        int reused;
        boolean gazeNeeded;
        boolean spoofNeeded;
        boolean objectsNeeded;
        /** Mismatch (true) of the last matches, oldest first, as many as the identity rule's window. */
        final ArrayDeque<Boolean> recentMatches = new ArrayDeque<>();
        final Map<Stage, Long> last = new EnumMap<>(Stage.class);
        final Map<Stage, Integer> runs = new EnumMap<>(Stage.class);
        final Map<Stage, Long> longestGap = new EnumMap<>(Stage.class);
        int frames;

        boolean matchNeeded() {
            return recentMatches.contains(Boolean.TRUE);
        }

        void ran(Stage stage, long at) {
            Long previous = last.put(stage, at);
            runs.merge(stage, 1, Integer::sum);
            if (previous != null) {
                longestGap.merge(stage, at - previous, Math::max);
            }
        }
    }
}
