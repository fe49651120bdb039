package org.campusproctor.vision.pipeline;

import org.campusproctor.vision.pipeline.PipelineOptions.Stage;
import org.opencv.core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vision pipeline of one worker: decode and validate the frame, detect faces (BlazeFace), and per face
 * landmarks (FaceMesh on the aligned crop), head pose (solvePnP), mouth opening, gaze (Iris), spoof score
 * (MiniFASNet ensemble) and the distance to an enrolment embedding (faceres34 on the dlib-style crop placed from
 * the FaceMesh points); objects (NanoDet) on the whole
 * frame. Plain Java, usable and testable without a server. Thread-safe: one instance serves all MDB instances of a
 * node; model sessions are opened once, on first use (a missing model fails that frame with
 * {@link ModelUnavailableException} and is looked for again on the next one).
 */
public class FramePipeline implements AutoCloseable {

    public static final String DETECTOR = "blazeface";
    public static final String LANDMARKER = "facemesh";
    public static final String IRIS = "iris";
    public static final String EMBEDDER = DlibResNetEmbedder.MODEL;
    public static final String OBJECTS = "nanodet";
    /** MiniFASNet ensemble members and the crop scales they were trained with (Silent-Face: 2.7 and 4.0). */
    public static final Map<String, Double> SPOOF_MODELS = Map.of("minifasnet_v2", 2.7, "minifasnet_v1se", 4.0);
    /** Silent-Face's class order: 0 = print attack, 1 = live, 2 = replay attack. */
    public static final int LIVE_CLASS = 1;

    /**
     * A tracked face is where it was looked for when its box moved by at most this fraction of the box's side and
     * changed size by at most this fraction: FaceMesh's points are then from a well-placed crop. Measured on the
     * clip: a face looked for 190 px (0.75 box sides) beside where it is still gets flag 0.9999, with its box
     * drawn only 40 px (0.15 sides) toward the real face.
     */
    static final double MAX_TRACK_SHIFT = 0.08;

    private final FrameDecoder decoder = new FrameDecoder();
    private final InferenceRuntime runtime = new InferenceRuntime();
    private final Path modelsDir;
    private final PipelineOptions options;
    private final HeadPoseEstimator poseEstimator = new HeadPoseEstimator();

    private volatile Loaded loaded;

    /** The sessions, all opened together. */
    private record Loaded(Set<Stage> stages, List<ModelSession> models, FaceDetector detector, FaceLandmarker landmarker,
                          IrisGazeEstimator gaze, SpoofClassifier spoof, FaceEmbedder embedder,
                          ObjectDetector objects) {
    }

    public FramePipeline(Path modelsDir) {
        this(modelsDir, PipelineOptions.fromSystemProperties());
    }

    public FramePipeline(Path modelsDir, PipelineOptions options) {
        this.modelsDir = modelsDir;
        this.options = options;
    }

    public FrameAnalysis analyse(byte[] frame) {
        return analyse(frame, null);
    }

    /** @param enrolment the candidate's enrolment embedding ({@link #enrol}), or null: no face match. */
    public FrameAnalysis analyse(byte[] frame, float[] enrolment) {
        return analyse(frame, enrolment, FramePlan.EVERYTHING);
    }

    /**
     * One frame of an attempt with the stages its schedule chose ({@link FramePlan}): the same plan on the same
     * bytes gives the same analysis.
     */
    public FrameAnalysis analyse(byte[] frame, float[] enrolment, FramePlan plan) {
        Loaded m = load(); // model loading (first frame only) is not part of the frame's time
        long start = System.nanoTime();
        FrameThumbnail thumbnail = null;
        if (plan.still() != null) {
            // a frame that barely differs from the attempt's last analysed one takes its face results: no full
            // decode, no FaceMesh (the schedule offers this only when no scheduled stage is due)
            thumbnail = decoder.thumbnail(frame);
            if (plan.still().matches(thumbnail, plan.stillMaxDifference())) {
                return plan.still().reusedBy((System.nanoTime() - start) / 1_000);
            }
        }
        Mat image = decoder.decode(frame);
        FrameAnalysis a;
        try {
            a = analyse(image, enrolment, m, new Timings(), start, plan);
        } finally {
            image.release();
        }
        // only a frame with one face followed onwards can become the next frames' still frame
        if (plan.stillMaxDifference() > 0 && a.track() != null) {
            a = a.withThumbnail(thumbnail != null ? thumbnail : decoder.thumbnail(frame));
        }
        return a;
    }

    /** The same on an already decoded BGR image (benchmarks, the clip reader). */
    public FrameAnalysis analyse(Mat bgr, float[] enrolment, Timings timings) {
        return analyse(bgr, enrolment, load(), timings, System.nanoTime(), FramePlan.EVERYTHING);
    }

    /**
     * The enrolment embedding of a reference photo: exactly one face (confirmed by FaceMesh), live by the anti-spoof
     * models where they run.
     * @throws EnrolmentRefusedException with the reason (no face, several faces, a spoof, the face cut off)
     * @throws CorruptFrameException when the bytes are no usable image
     */
    public float[] enrol(byte[] photo) {
        Loaded m = load();
        if (m.embedder == null) {
            throw new ModelUnavailableException("face match stage disabled or model '" + EMBEDDER + "' not installed");
        }
        Mat image = decoder.decode(photo);
        try {
            List<FaceDetection> detections = m.detector.detect(image, null);
            FaceDetection face = null;
            FaceLandmarks landmarks = null;
            for (FaceDetection d : detections) {
                FaceLandmarks lm = m.landmarker.landmarks(image, d, null);
                if (lm.faceScore() < options.minLandmarkScore()) {
                    continue;
                }
                if (face != null) {
                    throw new EnrolmentRefusedException(EnrolmentRefusedException.Reason.SEVERAL_FACES);
                }
                face = d;
                landmarks = lm;
            }
            if (face == null) {
                throw new EnrolmentRefusedException(EnrolmentRefusedException.Reason.NO_FACE);
            }
            if (m.spoof != null) {
                HeadPose pose = poseEstimator.estimate(landmarks, image.cols(), image.rows());
                if (!m.spoof.score(image, face.box(), pose == null ? 0 : pose.roll(), null).live()) {
                    throw new EnrolmentRefusedException(EnrolmentRefusedException.Reason.SPOOF);
                }
            }
            float[] e = m.embedder.embed(image, face, landmarks, null);
            if (e == null) {
                throw new EnrolmentRefusedException(EnrolmentRefusedException.Reason.FACE_CUT_OFF);
            }
            return e;
        } finally {
            image.release();
        }
    }

    /** Distance between two embeddings of the pipeline's face model (small = same person). */
    public double distance(float[] a, float[] b) {
        Loaded m = load();
        if (m.embedder == null) {
            throw new ModelUnavailableException("face match stage disabled or model '" + EMBEDDER + "' not installed");
        }
        return m.embedder.distance(a, b);
    }

    private FrameAnalysis analyse(Mat image, float[] enrolment, Loaded m, Timings t, long start, FramePlan plan) {
        List<String> stages = new ArrayList<>();
        stages.add("decode");
        List<FaceAnalysis> faces = new ArrayList<>();
        List<FaceAnalysis> rejected = new ArrayList<>();
        TrackedFace track = null;
        boolean anyFace = false;
        if (plan.track() != null && m.landmarker != null) {
            // FaceMesh on the region of the attempt's previous face. FaceMesh pulls its points toward the crop's
            // centre, so a face found off-centre is looked at once more on its new region; it is kept only once the
            // region holds still. Lost (presence flag low, or still moving) -> the detector runs on this same frame
            long s0 = System.nanoTime();
            FaceDetection region = plan.track().detection();
            for (int pass = 0; pass < 2; pass++) {
                FaceLandmarks lm = landmarks(image, region, m, t);
                if (lm.faceScore() < options.minLandmarkScore()) {
                    break;
                }
                TrackedFace followed = plan.track().follow(lm);
                FaceDetection d = followed.detection();
                if (settled(region.box(), d.box())) {
                    stages.add("track");
                    faces.add(analyseFace(image, d, lm, enrolment, m, t, plan));
                    track = followed;
                    anyFace = true;
                    break;
                }
                region = d;
            }
            t.stage("track", System.nanoTime() - s0);
        }
        if (!anyFace) {
            long s0 = System.nanoTime();
            List<FaceDetection> detections = m.detector.detect(image, t);
            t.stage("detect", System.nanoTime() - s0);
            stages.add("detect");
            detections.sort(Comparator.comparingDouble(FaceDetection::score).reversed());
            List<TrackedFace> confirmed = new ArrayList<>();
            for (int i = 0; i < detections.size(); i++) {
                FaceDetection d = detections.get(i);
                if (i >= options.maxFaces()) {
                    faces.add(new FaceAnalysis(d.box(), d.score(), d.keypoints(), null, null, null, null, null, null, null));
                    continue;
                }
                FaceLandmarks lm = m.landmarker == null ? null : landmarks(image, d, m, t);
                // FaceMesh's face flag is a second opinion on the detection: BlazeFace fires on cat faces and mugs,
                // FaceMesh's flag stays near 0 on them (measured on the test stills)
                if (lm != null && lm.faceScore() < options.minLandmarkScore()) {
                    rejected.add(new FaceAnalysis(d.box(), d.score(), d.keypoints(), lm.faceScore(), null, null, null,
                            null, null, null));
                    continue;
                }
                faces.add(analyseFace(image, d, lm, enrolment, m, t, plan));
                if (lm != null) {
                    confirmed.add(TrackedFace.of(d, lm));
                }
            }
            // only a lone face is tracked: with several, the detector must keep counting them
            track = faces.size() == 1 && confirmed.size() == 1 ? confirmed.get(0) : null;
            anyFace = !detections.isEmpty();
        }
        for (Stage s : List.of(Stage.LANDMARKS, Stage.POSE, Stage.MOUTH, Stage.GAZE, Stage.SPOOF, Stage.MATCH)) {
            boolean planned = switch (s) {
                case GAZE -> plan.gaze();
                case SPOOF -> plan.spoof();
                case MATCH -> plan.match() && enrolment != null;
                default -> true;
            };
            if (m.stages.contains(s) && planned && anyFace) {
                stages.add(s.id());
            }
        }
        List<DetectedObject> objects = null;
        if (m.objects != null && plan.objects()) {
            long o0 = System.nanoTime();
            objects = m.objects.detect(image, t);
            t.stage("objects", System.nanoTime() - o0);
            stages.add("objects");
        }
        Map<String, Long> inference = new LinkedHashMap<>();
        t.inferenceNanos().forEach((k, v) -> inference.put(k, v / 1_000));
        return new FrameAnalysis(image.cols(), image.rows(), runtime.provider().name(), faces.size(), stages,
                (System.nanoTime() - start) / 1_000, faces, rejected, objects, inference, track);
    }

    private static boolean settled(Box looked, Box found) {
        double side = Math.max(looked.width(), looked.height());
        double shift = Math.hypot(found.cx() - looked.cx(), found.cy() - looked.cy());
        double scale = Math.max(found.width(), found.height()) / side;
        return shift <= MAX_TRACK_SHIFT * side && Math.abs(scale - 1) <= MAX_TRACK_SHIFT * 2;
    }

    private FaceLandmarks landmarks(Mat image, FaceDetection d, Loaded m, Timings t) {
        long s = System.nanoTime();
        FaceLandmarks lm = m.landmarker.landmarks(image, d, t);
        t.stage("landmarks", System.nanoTime() - s);
        return lm;
    }

    /** The stages after the landmarks of a confirmed face (lm null: no landmark stage), as far as the plan says. */
    private FaceAnalysis analyseFace(Mat image, FaceDetection d, FaceLandmarks lm, float[] enrolment, Loaded m,
                                     Timings t, FramePlan plan) {
        HeadPose pose = null;
        Gaze gaze = null;
        Double mouth = null;
        SpoofScore spoof = null;
        Double match = null;
        float[] embedding = null;
        if (lm != null) {
            if (m.stages.contains(Stage.POSE)) {
                long s = System.nanoTime();
                pose = poseEstimator.estimate(lm, image.cols(), image.rows());
                t.stage("pose", System.nanoTime() - s);
            }
            if (m.stages.contains(Stage.MOUTH)) {
                mouth = lm.mouthOpening();
            }
            if (m.gaze != null && plan.gaze()) {
                long s = System.nanoTime();
                gaze = m.gaze.estimate(image, lm, pose, t);
                t.stage("gaze", System.nanoTime() - s);
            }
        }
        if (m.spoof != null && plan.spoof()) {
            long s = System.nanoTime();
            spoof = m.spoof.score(image, d.box(), pose == null ? 0 : pose.roll(), t);
            t.stage("spoof", System.nanoTime() - s);
        }
        if (m.embedder != null && enrolment != null && lm != null && plan.match()) {
            long s = System.nanoTime();
            embedding = m.embedder.embed(image, d, lm, t);
            match = embedding == null ? null : m.embedder.distance(embedding, enrolment);
            t.stage("match", System.nanoTime() - s);
        }
        return new FaceAnalysis(d.box(), d.score(), d.keypoints(), lm == null ? null : lm.faceScore(), pose, gaze,
                mouth, spoof, match, embedding);
    }

    private Loaded load() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = open();
                }
                l = loaded;
            }
        }
        return l;
    }

    private Loaded open() {
        ModelCatalog catalog = new ModelCatalog(modelsDir);
        Set<Stage> stages = EnumSet.copyOf(options.stages());
        if (options.auto()) {
            // optional stages run when the manifest lists their models; a listed model whose file is missing fails
            if (catalog.find(IRIS).isEmpty()) {
                stages.remove(Stage.GAZE);
            }
            if (SPOOF_MODELS.keySet().stream().anyMatch(n -> catalog.find(n).isEmpty())) {
                stages.remove(Stage.SPOOF);
            }
            if (catalog.find(EMBEDDER).isEmpty()) {
                stages.remove(Stage.MATCH);
            }
            if (catalog.find(OBJECTS).isEmpty()) {
                stages.remove(Stage.OBJECTS);
            }
        }
        stages.add(Stage.DETECT);
        // the face match places its crop from the FaceMesh eye and mouth points
        if (stages.contains(Stage.POSE) || stages.contains(Stage.MOUTH) || stages.contains(Stage.GAZE)
                || stages.contains(Stage.MATCH)) {
            stages.add(Stage.LANDMARKS);
        }
        List<ModelSession> models = new ArrayList<>();
        try {
            ModelSession det = openModel(catalog, DETECTOR, models);
            FaceDetector detector = new FaceDetector(det, options.minFaceScore(), options.nmsIou());
            FaceLandmarker landmarker = stages.contains(Stage.LANDMARKS)
                    ? new FaceLandmarker(openModel(catalog, LANDMARKER, models), options.landmarkExpand()) : null;
            IrisGazeEstimator gaze = stages.contains(Stage.GAZE)
                    ? new IrisGazeEstimator(openModel(catalog, IRIS, models), 2.3, 0.12, 45) : null;
            SpoofClassifier spoof = null;
            if (stages.contains(Stage.SPOOF)) {
                List<SpoofClassifier.Member> members = new ArrayList<>();
                for (Map.Entry<String, Double> e : new java.util.TreeMap<>(SPOOF_MODELS).entrySet()) {
                    ModelSession model = openModel(catalog, e.getKey(), models);
                    Double manifestScale = model.spec().cropScale();
                    members.add(new SpoofClassifier.Member(model, manifestScale != null ? manifestScale : e.getValue()));
                }
                spoof = new SpoofClassifier(members, LIVE_CLASS);
            }
            FaceEmbedder embedder = stages.contains(Stage.MATCH)
                    ? new DlibResNetEmbedder(openModel(catalog, EMBEDDER, models)) : null;
            ObjectDetector objects = stages.contains(Stage.OBJECTS)
                    ? new ObjectDetector(openModel(catalog, OBJECTS, models), options.objectMinScore(), options.objectClasses())
                    : null;
            return new Loaded(stages, List.copyOf(models), detector, landmarker, gaze, spoof, embedder, objects);
        } catch (RuntimeException e) {
            models.forEach(ModelSession::close);
            throw e;
        }
    }

    private ModelSession openModel(ModelCatalog catalog, String name, List<ModelSession> opened) {
        ModelSpec spec = catalog.require(name);
        if (!Files.isRegularFile(spec.file())) {
            throw new ModelUnavailableException("Model file missing: " + spec.file().toAbsolutePath());
        }
        ModelSession model = new ModelSession(runtime, spec);
        opened.add(model);
        return model;
    }

    /** The stages that run (after resolving {@code auto} against the manifest); opens the models if needed. */
    public Set<Stage> activeStages() {
        return load().stages;
    }

    /** The opened model of that name (benchmarks measure raw inference on it). */
    public ModelSession model(String name) {
        return load().models.stream().filter(x -> x.spec().name().equals(name)).findFirst()
                .orElseThrow(() -> new ModelUnavailableException("model " + name + " not opened"));
    }

    public String executionProvider() {
        return runtime.provider().name();
    }

    public Path modelsDir() {
        return modelsDir;
    }

    @Override
    public synchronized void close() {
        if (loaded != null) {
            loaded.models.forEach(ModelSession::close);
            loaded = null;
        }
    }
}
