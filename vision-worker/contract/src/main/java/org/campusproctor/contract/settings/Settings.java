package org.campusproctor.contract.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Every server setting of CampusProctor, in one place: name, default, validation and meaning. The application reads
 * them as system properties (server-config sets them from {@code campusproctor.properties}, whose keys and defaults
 * a test checks against this list). Application code never calls {@code System.getProperty} for its own settings.
 */
public final class Settings {

    private static final String DATA = "${jboss.server.data.dir}/campusproctor";

    // --- Storage -------------------------------------------------------------------------------------------------
    public static final Setting<Path> MEDIA_DIR = app("campusproctor.media.dir", DATA + "/media",
            "Media store directory (frames, enrolment photos); a shared mount when several nodes run.",
            Settings::directory);
    public static final Setting<Path> MODELS_DIR = app("campusproctor.models.dir", DATA + "/models",
            "Directory of the ONNX models and their manifest.json.", Settings::directory);

    // --- Frame intake ----------------------------------------------------------------------------------------------
    public static final Setting<Integer> FRAME_MAX_BYTES = app("campusproctor.frames.max-bytes", "2097152",
            "Largest webcam frame accepted, in bytes (a 1280x720 JPEG is 100-300 KB).", range(1024, 64 << 20));
    public static final Setting<Integer> FRAMES_MAX_PENDING = app("campusproctor.frames.max-pending", "200",
            "Frames awaiting analysis from which uploads are refused (429) until the vision workers catch up; about what "
                    + "the workers analyse in 10-20 s.", range(1, 1_000_000));
    public static final Setting<Integer> FRAMES_MIN_INTERVAL_MS = app("campusproctor.frames.min-interval-ms", "1000",
            "Shortest average interval between two frames of one attempt (bursts of a few frames pass); faster uploads "
                    + "are refused (429). 0: no limit.", range(0, 3_600_000));

    // --- Exam domain -----------------------------------------------------------------------------------------------
    public static final Setting<Integer> DEADLINE_SWEEP_SECONDS = app("campusproctor.deadline.sweep-seconds", "5",
            "Seconds between two sweeps for attempts past their deadline (expiry is at most this late).", range(1, 3600));
    public static final Setting<String> RETENTION_DAILY_AT = app("campusproctor.retention.daily-at", "03:30",
            "Time of day (HH:MM, server time) the media-retention job runs by itself; empty: only when started by hand.",
            Settings::timeOfDayOrEmpty);
    public static final Setting<Integer> RETENTION_DEFAULT_DAYS = app("campusproctor.retention.default-days", "30",
            "Days media is kept once nothing needs it, for exams without a retention period of their own.",
            range(1, 3650));
    public static final Setting<Boolean> DEMO_DATA = app("campusproctor.demo-data", "false",
            "Demo accounts (password demo-<username>) and a demo exam: quick start and tests only, never in production.",
            Settings::bool);

    // --- Web -------------------------------------------------------------------------------------------------------
    public static final Setting<List<String>> WEB_ALLOWED_ORIGINS = app("campusproctor.web.allowed-origins", "",
            "Origins (scheme://host[:port]) besides the server's own that may open its WebSockets, comma-separated; "
                    + "empty: same origin only.", Settings::origins);
    public static final Setting<Integer> LOGIN_MAX_FAILURES = app("campusproctor.login.max-failures", "5",
            "Failed logins of one username within the failure window after which its logins are refused (429) for "
                    + "30 s, doubled at each further failure (at most the window).", range(1, 1000));
    public static final Setting<Integer> LOGIN_MAX_FAILURES_PER_ADDRESS = app("campusproctor.login.max-failures-per-address",
            "30", "The same per client address (all usernames together); raise it when many users share one address.",
            range(1, 100000));
    public static final Setting<Integer> LOGIN_FAILURE_WINDOW_SECONDS = app("campusproctor.login.failure-window-seconds",
            "900", "Seconds without a failure after which a username's or address's failures are forgotten; also the "
                    + "longest refusal.", range(1, 86400));

    // --- Vision workers --------------------------------------------------------------------------------------------
    public static final Setting<String> VISION_CUDA = app("campusproctor.vision.cuda", "auto",
            "auto: use CUDA when it works (probed once), else the CPU; off: CPU only (skips the probe).",
            oneOf("auto", "off"));
    public static final Setting<Integer> VISION_INTRA_OP_THREADS = app("campusproctor.vision.intra-op-threads", "1",
            "Threads per model inference (ONNX Runtime intra-op); on CPU keep 1 and scale with max-session.", range(1, 256));
    public static final Setting<Integer> VISION_MAX_SESSION = app("campusproctor.vision.max-session", "2",
            "Concurrent frame consumers (MDB sessions) per node; on CPU, one per core with intra-op-threads=1.",
            range(1, 256));
    public static final Setting<String> VISION_STAGES = app("campusproctor.vision.stages", "auto",
            "Pipeline stages: auto (detect, landmarks, pose, mouth + every optional stage whose models manifest.json "
                    + "lists) or a list of detect,landmarks,pose,mouth,gaze,spoof,match,objects.",
            Settings::stages);
    public static final Setting<List<String>> VISION_OBJECT_CLASSES = app("campusproctor.vision.object-classes",
            "person,cell phone,book,laptop", "COCO classes the object detector reports.", Settings::list);
    public static final Setting<Double> VISION_MIN_FACE_SCORE = app("campusproctor.vision.min-face-score", "0.5",
            "Face detector score from which a face counts.", fraction());
    public static final Setting<Double> VISION_NMS_IOU = app("campusproctor.vision.nms-iou", "0.3",
            "Overlap (IoU) above which two face detections are merged.", fraction());
    public static final Setting<Double> VISION_LANDMARK_EXPAND = app("campusproctor.vision.landmark-expand", "1.5",
            "Scale of the face box cropped for the landmark model.", decimal(1, 4));
    public static final Setting<Double> VISION_MIN_LANDMARK_SCORE = app("campusproctor.vision.min-landmark-score", "0.5",
            "Landmark model face score from which a detection is confirmed as a face.", fraction());
    public static final Setting<Integer> VISION_MAX_FACES = app("campusproctor.vision.max-faces", "4",
            "Most faces analysed per frame.", range(1, 32));
    public static final Setting<Double> VISION_OBJECT_MIN_SCORE = app("campusproctor.vision.object-min-score", "0.35",
            "Object detector score from which an object is reported.", fraction());
    // Per-attempt stage schedule (defaults for one frame every 2 s per attempt): how long a stage may go without
    // running on an attempt's frames; "by need" it runs on every frame while its last result could raise an incident
    public static final Setting<Integer> VISION_DETECT_EVERY_MS = app("campusproctor.vision.detect-every-ms", "6000",
            "Longest time between two face-detector runs on an attempt's frames; in between, the landmark model follows "
                    + "the attempt's lone face from its previous frame. The detector runs at once when that face is lost, "
                    + "and on every frame while the last run found no face or several. 0: on every frame.",
            range(0, 3_600_000));
    public static final Setting<Integer> VISION_OBJECTS_EVERY_MS = app("campusproctor.vision.objects-every-ms", "20000",
            "Longest time between two object-detector runs (phones, persons) on an attempt's frames; on every frame while "
                    + "the last run saw a phone or several persons. 0: on every frame.", range(0, 3_600_000));
    public static final Setting<Integer> VISION_SPOOF_EVERY_MS = app("campusproctor.vision.spoof-every-ms", "8000",
            "Longest time between two anti-spoof evaluations of an attempt's face; on every frame while the last one "
                    + "was below the live score. 0: on every frame.", range(0, 3_600_000));
    public static final Setting<Integer> VISION_GAZE_EVERY_MS = app("campusproctor.vision.gaze-every-ms", "6000",
            "Longest time between two gaze (iris) estimates of an attempt's face; on every frame while the last one "
                    + "looked away. 0: on every frame.", range(0, 3_600_000));
    public static final Setting<Integer> VISION_MATCH_EVERY_MS = app("campusproctor.vision.match-every-ms", "10000",
            "Longest time between two face matches against the attempt's enrolment photo; on every frame while one of "
                    + "the recent matches failed. 0: on every frame.", range(0, 3_600_000));


    // --- Read by server-config only ----------------------------------------------------------------------------------
    public static final Setting<String> DB_URL = server("campusproctor.db.url",
            "jdbc:postgresql://127.0.0.1:5432/campusproctor", "JDBC URL of the PostgreSQL database.");
    public static final Setting<String> DB_USER = server("campusproctor.db.user", "campusproctor", "Database user.");
    public static final Setting<String> DB_PASSWORD = server("campusproctor.db.password", "campusproctor",
            "Database password.");
    public static final Setting<String> JMS_MAX_DELIVERY_ATTEMPTS = server("campusproctor.jms.max-delivery-attempts",
            "3", "Deliveries of a failing message before it is parked on its dead-letter queue.");
    public static final Setting<String> JMS_REDELIVERY_DELAY_MS = server("campusproctor.jms.redelivery-delay-ms",
            "1000", "First redelivery delay (doubled at each attempt).");
    public static final Setting<String> JMS_MAX_REDELIVERY_DELAY_MS = server("campusproctor.jms.max-redelivery-delay-ms",
            "10000", "Longest redelivery delay.");
    public static final Setting<String> BROKER_HOST = server("campusproctor.broker.host", "127.0.0.1",
            "Host of the Artemis broker shared by the nodes (install.sh --broker remote).");
    public static final Setting<String> BROKER_PORT = server("campusproctor.broker.port", "61716",
            "Port of that broker's acceptor.");
    public static final Setting<String> BROKER_USER = server("campusproctor.broker.user", "campusproctor",
            "User the nodes connect to the broker as.");
    public static final Setting<String> BROKER_PASSWORD = server("campusproctor.broker.password", "campusproctor",
            "That user's password.");

    public static final List<Setting<?>> ALL = List.of(MEDIA_DIR, MODELS_DIR, FRAME_MAX_BYTES, FRAMES_MAX_PENDING,
            FRAMES_MIN_INTERVAL_MS, DEADLINE_SWEEP_SECONDS, RETENTION_DAILY_AT, RETENTION_DEFAULT_DAYS,
            DEMO_DATA, WEB_ALLOWED_ORIGINS, LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ADDRESS,
            LOGIN_FAILURE_WINDOW_SECONDS, VISION_CUDA, VISION_INTRA_OP_THREADS, VISION_MAX_SESSION, VISION_STAGES, VISION_OBJECT_CLASSES,
            VISION_MIN_FACE_SCORE, VISION_NMS_IOU, VISION_LANDMARK_EXPAND, VISION_MIN_LANDMARK_SCORE, VISION_MAX_FACES,
            VISION_OBJECT_MIN_SCORE, VISION_DETECT_EVERY_MS, VISION_OBJECTS_EVERY_MS, VISION_SPOOF_EVERY_MS,
            VISION_GAZE_EVERY_MS, VISION_MATCH_EVERY_MS, DB_URL, DB_USER, DB_PASSWORD, JMS_MAX_DELIVERY_ATTEMPTS,
            JMS_REDELIVERY_DELAY_MS, JMS_MAX_REDELIVERY_DELAY_MS, BROKER_HOST, BROKER_PORT, BROKER_USER, BROKER_PASSWORD);

    private Settings() {
    }

    private static <T> Setting<T> app(String name, String def, String description, Function<String, T> parser) {
        return new Setting<>(name, def, description, Setting.Scope.APPLICATION, parser);
    }

    private static Setting<String> server(String name, String def, String description) {
        return new Setting<>(name, def, description, Setting.Scope.SERVER_CONFIG, null);
    }

    /** A directory; outside a server (tools, tests) the default's server data dir is the user's ~/.campusproctor. */
    private static Path directory(String text) {
        String dataDir = System.getProperty("jboss.server.data.dir",
                Path.of(System.getProperty("user.home"), ".campusproctor").toString());
        return Path.of(text.replace("${jboss.server.data.dir}", dataDir)).toAbsolutePath().normalize();
    }

    private static String timeOfDayOrEmpty(String s) {
        String t = s.trim();
        if (!t.isEmpty() && !t.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
            throw new IllegalArgumentException("must be HH:MM (00:00..23:59) or empty");
        }
        return t;
    }

    private static Function<String, Integer> range(int min, int max) {
        return s -> {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be " + min + ".." + max);
            }
            return v;
        };
    }

    private static Function<String, Double> fraction() {
        return decimal(0, 1);
    }

    private static Function<String, Double> decimal(double min, double max) {
        return s -> {
            double v = Double.parseDouble(s);
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException("must be " + min + ".." + max);
            }
            return v;
        };
    }

    private static Function<String, String> oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return s -> {
            String v = s.toLowerCase(Locale.ROOT);
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", values));
            }
            return v;
        };
    }

    private static Boolean bool(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    private static List<String> list(String s) {
        return java.util.Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /** Web origins: scheme (http, https) and host with an optional port, nothing else; kept lower-case. */
    private static List<String> origins(String s) {
        return list(s).stream().map(o -> {
            java.net.URI uri;
            try {
                uri = new java.net.URI(o);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("not an origin: " + o);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
                throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + o);
            }
            return o.toLowerCase(Locale.ROOT);
        }).toList();
    }

    private static final Set<String> STAGES = Set.of("detect", "landmarks", "pose", "mouth", "gaze", "spoof", "match", "objects");

    private static String stages(String s) {
        String v = s.toLowerCase(Locale.ROOT);
        if (!v.equals("auto")) {
            for (String stage : list(v)) {
                if (!STAGES.contains(stage)) {
                    throw new IllegalArgumentException("unknown stage " + stage + "; stages: auto or " + STAGES);
                }
            }
        }
        return v;
    }
}
