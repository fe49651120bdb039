package org.campusproctor.vision.incidents;

import org.campusproctor.contract.vision.VisionIncident.Evidence;
import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.contract.vision.IncidentType;
import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.vision.pipeline.DetectedObject;
import org.campusproctor.vision.pipeline.FaceAnalysis;
import org.campusproctor.vision.pipeline.FrameAnalysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Incident rules over time, per attempt (never per frame): each rule tracks an episode (consecutive frames where
 * its condition holds) and raises one incident when the episode lasts long enough (duration rules) or has enough
 * frames (count rules); the episode ends when the condition stops or frames stop arriving for {@code maxGap}, and
 * a new episode can raise again. Frames must be fed in capture order per attempt (the worker gets them in order
 * through Artemis message groups keyed by attempt); an older frame than the last one seen is ignored by the rules.
 * Thread-safe; state for an attempt idle longer than {@code idleEviction} is dropped.
 * <p>
 * A stage that did not run on a frame (the attempt's schedule skipped it) leaves its rules as they were: neutral, not
 * "absent". Count rules count the frames where their stage ran: SPOOF_SUSPECTED consecutive spoof evaluations,
 * IDENTITY_MISMATCH face matches, PHONE_SEEN object-detector runs.
 */
public final class IncidentDetector {

    static final int MAX_EVIDENCE = 50;

    private final Function<String, IncidentThresholds> thresholdsByAttempt;
    private final Duration idleEviction;
    private final Map<String, AttemptState> attempts = new ConcurrentHashMap<>();

    public IncidentDetector() {
        this(attempt -> IncidentThresholds.DEFAULTS, Duration.ofHours(6));
    }

    /** @param thresholdsByAttempt the thresholds of the exam an attempt belongs to (defaults where unknown). */
    public IncidentDetector(Function<String, IncidentThresholds> thresholdsByAttempt, Duration idleEviction) {
        this.thresholdsByAttempt = thresholdsByAttempt;
        this.idleEviction = idleEviction;
    }

    /** Feeds one analysed frame of an attempt; returns the incidents it raises (usually none). */
    public List<VisionIncident> onFrame(String attemptId, String frameId, long capturedAtMillis, FrameAnalysis analysis) {
        evictIdle(capturedAtMillis);
        AttemptState state = attempts.computeIfAbsent(attemptId, AttemptState::new);
        synchronized (state) {
            // read per frame: a registrar may change the exam's thresholds during the exam
            state.t = Optional.ofNullable(thresholdsByAttempt.apply(attemptId)).orElse(IncidentThresholds.DEFAULTS);
            return state.onFrame(frameId, capturedAtMillis, analysis);
        }
    }

    /** Forgets an attempt (when it ends). */
    public void close(String attemptId) {
        attempts.remove(attemptId);
    }

    int trackedAttempts() {
        return attempts.size();
    }

    private void evictIdle(long now) {
        long limit = idleEviction.toMillis();
        attempts.values().removeIf(s -> now - s.lastSeen > limit);
    }

    /** One rule's current episode. */
    private static final class Episode {
        long start = -1;
        long last = -1;
        boolean raised;
        final List<Evidence> evidence = new ArrayList<>();

        void reset() {
            start = -1;
            last = -1;
            raised = false;
            evidence.clear();
        }

        void add(Evidence e) {
            if (start < 0) {
                start = e.capturedAtMillis();
            }
            last = e.capturedAtMillis();
            if (evidence.size() < MAX_EVIDENCE) {
                evidence.add(e);
            } else {
                evidence.set(MAX_EVIDENCE - 1, e); // keep the first frames and the latest one
            }
        }
    }

    private static final class AttemptState {
        final String attemptId;
        IncidentThresholds t = IncidentThresholds.DEFAULTS;
        final Map<IncidentType, Episode> episodes = new EnumMap<>(IncidentType.class);
        /** Mismatch (true) or match of the last frames with a face match, oldest first. */
        final java.util.ArrayDeque<Boolean> matchWindow = new java.util.ArrayDeque<>();
        long lastSeen = Long.MIN_VALUE;
        String lastFrameId;
        List<VisionIncident> lastRaised = List.of();

        AttemptState(String attemptId) {
            this.attemptId = attemptId;
            for (IncidentType type : IncidentType.values()) {
                episodes.put(type, new Episode());
            }
        }

        List<VisionIncident> onFrame(String frameId, long at, FrameAnalysis a) {
            if (frameId.equals(lastFrameId)) {
                return lastRaised; // a redelivered frame: same answer, no double counting
            }
            List<VisionIncident> raised = evaluate(frameId, at, a);
            lastFrameId = frameId;
            lastRaised = raised;
            return raised;
        }

        private List<VisionIncident> evaluate(String frameId, long at, FrameAnalysis a) {
            if (lastSeen != Long.MIN_VALUE && at < lastSeen) {
                return List.of();
            }
            if (lastSeen != Long.MIN_VALUE && at - lastSeen > t.maxGap().toMillis()) {
                episodes.values().forEach(Episode::reset);
                matchWindow.clear();
            }
            lastSeen = at;
            List<VisionIncident> raised = new ArrayList<>();
            int faces = a.faceCount() == null ? 0 : a.faceCount();
            Optional<FaceAnalysis> primary = a.faces().stream().max(Comparator.comparingDouble(f -> f.box().area()));
            long persons = a.objects() == null ? 0 : a.objects().stream().filter(o -> o.label().equals("person")).count();

            // no face
            if (a.faceCount() != null) {
                byDuration(raised, IncidentType.NO_FACE, faces == 0, frameId, at, Map.of("faceCount", (double) faces),
                        t.noFaceFor(), "No face in view");
            }
            // several faces (or persons): a tracked frame cannot count faces and a frame without the object detector
            // cannot count persons; a frame with neither says nothing (neutral, the episode neither grows nor ends).
            // The schedule runs the detector on every frame while the last one found several faces, and the object
            // detector while it saw several persons, so an episode is judged on every frame
            boolean facesCounted = a.faceCount() != null && a.detected();
            boolean personsCounted = a.objects() != null;
            if (facesCounted || personsCounted) {
                Map<String, Double> counts = new LinkedHashMap<>();
                if (facesCounted) {
                    counts.put("faceCount", (double) faces);
                }
                if (personsCounted) {
                    counts.put("personCount", (double) persons);
                }
                byDuration(raised, IncidentType.MULTIPLE_FACES, (facesCounted && faces >= 2) || persons >= 2, frameId,
                        at, counts, t.multipleFacesFor(), "Several people in view");
            }
            // looking away: head pose beyond limits, or irises at the side of the eyes
            Map<String, Double> poseScores = new LinkedHashMap<>();
            boolean away = false;
            if (primary.isPresent() && primary.get().pose() != null) {
                FaceAnalysis f = primary.get();
                poseScores.put("yaw", f.pose().yaw());
                poseScores.put("pitch", f.pose().pitch());
                away = Math.abs(f.pose().yaw()) > t.maxYawDegrees() || Math.abs(f.pose().pitch()) > t.maxPitchDegrees();
                if (f.gaze() != null && f.gaze().eyes() > 0) {
                    poseScores.put("gazeHorizontal", f.gaze().horizontal());
                    poseScores.put("gazeVertical", f.gaze().vertical());
                    away |= Math.abs(f.gaze().horizontal()) > t.maxGazeOffset();
                }
            }
            byDuration(raised, IncidentType.LOOKING_AWAY, away, frameId, at, poseScores, t.lookingAwayFor(),
                    "Looking away from the screen");
            // spoof: consecutive frames with a face whose live score is low; frames without a face are neutral
            if (primary.isPresent() && primary.get().spoof() != null) {
                double live = primary.get().spoof().liveScore();
                byCount(raised, IncidentType.SPOOF_SUSPECTED, live < t.minLiveScore(), frameId, at, Map.of("liveScore", live),
                        t.spoofFrames(), "Presentation attack suspected (photo or screen instead of a person)");
            }
            // identity: mismatching frames among the last 2 x mismatchFrames frames with a face match, so that a face
            // swap (two people alternating in front of the camera) raises it as surely as a stranger staying; the
            // episode ends when the whole window matches again
            if (primary.isPresent() && primary.get().matchDistance() != null) {
                double d = primary.get().matchDistance();
                boolean mismatch = d > t.maxMatchDistance();
                int window = 2 * t.mismatchFrames();
                matchWindow.addLast(mismatch);
                while (matchWindow.size() > window) {
                    matchWindow.removeFirst();
                }
                long mismatches = matchWindow.stream().filter(x -> x).count();
                Episode e = episodes.get(IncidentType.IDENTITY_MISMATCH);
                if (mismatches == 0) {
                    e.reset();
                } else if (mismatch) {
                    e.add(new Evidence(frameId, at, Map.of("matchDistance", d)));
                    if (!e.raised && mismatches >= t.mismatchFrames()) {
                        e.raised = true;
                        raised.add(incident(IncidentType.IDENTITY_MISMATCH, e, at, "Face does not match the enrolled "
                                + "candidate in " + mismatches + " of the last " + matchWindow.size() + " frames"));
                    }
                }
            }
            // phone: counted over the episode; frames without a phone do not end it (phones are small and flicker),
            // only the gap rule does
            if (a.objects() != null) {
                double phone = a.objects().stream().filter(o -> o.label().equals("cell phone"))
                        .mapToDouble(DetectedObject::score).max().orElse(0);
                if (phone >= t.minPhoneScore()) {
                    Episode e = episodes.get(IncidentType.PHONE_SEEN);
                    e.add(new Evidence(frameId, at, Map.of("phoneScore", phone)));
                    if (!e.raised && e.evidence.size() >= t.phoneFrames()) {
                        e.raised = true;
                        raised.add(incident(IncidentType.PHONE_SEEN, e, at, "Mobile phone seen in " + e.evidence.size() + " frames"));
                    }
                }
            }
            return raised;
        }

        private void byDuration(List<VisionIncident> out, IncidentType type, boolean holds, String frameId, long at,
                                Map<String, Double> scores, Duration min, String what) {
            Episode e = extend(type, holds, frameId, at, scores);
            if (e != null && !e.raised && e.last - e.start >= min.toMillis()) {
                e.raised = true;
                out.add(incident(type, e, at, String.format("%s for %.1f s", what, (e.last - e.start) / 1000.0)));
            }
        }

        private void byCount(List<VisionIncident> out, IncidentType type, boolean holds, String frameId, long at,
                             Map<String, Double> scores, int min, String what) {
            Episode e = extend(type, holds, frameId, at, scores);
            if (e != null && !e.raised && e.evidence.size() >= min) {
                e.raised = true;
                out.add(incident(type, e, at, what + " in " + e.evidence.size() + " consecutive frames"));
            }
        }

        /** The rule's episode with this frame added, or null (and the episode ended) when its condition no longer holds. */
        private Episode extend(IncidentType type, boolean holds, String frameId, long at, Map<String, Double> scores) {
            Episode e = episodes.get(type);
            if (!holds) {
                e.reset();
                return null;
            }
            e.add(new Evidence(frameId, at, scores));
            return e;
        }

        private VisionIncident incident(IncidentType type, Episode e, long at, String message) {
            return new VisionIncident(type, attemptId, e.start, at, message, List.copyOf(e.evidence), t);
        }
    }
}
