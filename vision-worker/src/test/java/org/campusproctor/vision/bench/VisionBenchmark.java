package org.campusproctor.vision.bench;

import org.campusproctor.vision.application.StageSchedule;
import org.campusproctor.vision.application.StageScheduler;
import org.campusproctor.vision.incidents.IncidentDetector;
import org.campusproctor.vision.pipeline.FrameAnalysis;
import org.campusproctor.vision.pipeline.FramePlan;
import org.campusproctor.vision.pipeline.FrameDecoder;
import org.campusproctor.vision.pipeline.FramePipeline;
import org.campusproctor.vision.pipeline.ModelSession;
import org.campusproctor.vision.pipeline.PipelineOptions;
import org.campusproctor.vision.pipeline.PipelineOptions.Stage;
import org.campusproctor.vision.pipeline.Timings;
import org.campusproctor.vision.testdata.Clip;
import org.campusproctor.vision.testdata.Labels;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency and throughput of the models and of the pipeline on real images (the fake-webcam clip's 640x480 frames
 * and the labelled stills), the pipeline's overhead over raw inference, and OpenCV's Haar cascade on the same images.
 * Not a unit test: run it on a quiet machine.
 * <pre>./mvnw -B -o -pl vision-worker test-compile exec:exec@bench [-Dbench.seconds=10] [-Dbench.callers=2] [-Dbench.intraOp=1]
 *     [-Dbench.attempts=16] [-Dbench.scheduleOnly=true] [-Dbench.batchOnly=true]
 *     [-Dbench.sequences=whole,calm,still] [-Dbench.schedules=every,nostill,default,longer]</pre>
 * {@code bench.scheduleOnly}: only the attempts-interleaved run (every stage on every frame vs the stage schedule);
 * {@code bench.batchOnly}: only batching across frames.
 * Writes target/benchmark.md. Intra-op threads: {@code -Dcampusproctor.vision.intra-op-threads} (default 1).
 */
public final class VisionBenchmark {

    static final Locale L = Locale.ROOT;

    public static void main(String[] args) throws Exception {
        Path weights = Path.of(args.length > 0 ? args[0] : "../weights");
        Path out = Path.of(args.length > 1 ? args[1] : "target/benchmark.md");
        int seconds = Integer.getInteger("bench.seconds", 10);
        int callers = Integer.getInteger("bench.callers", 2);
        System.setProperty("campusproctor.vision.cuda", System.getProperty("campusproctor.vision.cuda", "off"));
        StringBuilder md = new StringBuilder("# Vision pipeline benchmark\n\n");
        md.append(String.format(L, "Machine: %d available processors, %s %s; load average before start %.2f. intra-op threads %s, "
                        + "%d parallel callers for throughput, %d s per throughput run.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("campusproctor.vision.intra-op-threads", "1"), callers, seconds));

        Clip clip = Clip.load();
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < clip.frames().size(); i += 2) {
            frames.add(clip.frames().get(i)); // the 240 distinct 15 fps content frames
        }
        List<Labels.Still> stills = Labels.load(weights.resolve("testdata"));
        List<byte[]> stillBytes = new ArrayList<>();
        for (Labels.Still s : stills) {
            stillBytes.add(Files.readAllBytes(weights.resolve("testdata").resolve(s.file())));
        }
        FrameDecoder decoder = new FrameDecoder();
        List<Mat> decoded = frames.stream().map(decoder::decode).toList();

        Set4 face = new Set4("detect+landmarks+pose+spoof", EnumSet.of(Stage.DETECT, Stage.LANDMARKS, Stage.POSE, Stage.MOUTH, Stage.SPOOF));
        try (FramePipeline all = new FramePipeline(weights);
             FramePipeline core = new FramePipeline(weights, PipelineOptions.fromSystemProperties().withStages(face.stages))) {
            if (Boolean.getBoolean("bench.batchOnly")) {
                batching(weights, all, decoded.get(0), md);
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, md);
                System.out.println(md);
                return;
            }
            if (Boolean.getBoolean("bench.scheduleOnly")) {
                attempts(all, clip, Integer.getInteger("bench.attempts", 16), callers, seconds, md);
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, md);
                System.out.println(md);
                return;
            }
            // --- raw inference per model, one caller, real inputs
            md.append("## Raw inference per model (one caller, batch 1, input = first clip frame resized to the model input)\n\n");
            md.append("| model | input | median ms | p10 ms | p90 ms |\n|---|---|---|---|---|\n");
            Map<String, Double> medians = new LinkedHashMap<>();
            all.activeStages();
            for (String name : List.of(FramePipeline.DETECTOR, FramePipeline.LANDMARKER, FramePipeline.IRIS,
                    "minifasnet_v2", "minifasnet_v1se", FramePipeline.EMBEDDER, FramePipeline.OBJECTS)) {
                ModelSession m;
                try {
                    m = all.model(name);
                } catch (RuntimeException notInstalled) {
                    continue;
                }
                Mat in = new Mat();
                Imgproc.resize(decoded.get(0), in, new Size(m.spec().width(), m.spec().height()));
                float[] tensor = m.tensor(in);
                in.release();
                for (int i = 0; i < 30; i++) {
                    m.run(tensor, null);
                }
                double[] ms = new double[300];
                for (int i = 0; i < ms.length; i++) {
                    long t0 = System.nanoTime();
                    m.run(tensor, null);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                medians.put(name, ms[ms.length / 2]);
                md.append(String.format(L, "| %s | %dx%d %s | %.2f | %.2f | %.2f |%n", name, m.spec().width(), m.spec().height(),
                        m.spec().nchw() ? "NCHW" : "NHWC", ms[ms.length / 2], ms[ms.length / 10], ms[ms.length * 9 / 10]));
            }

            boolean quick = Boolean.getBoolean("bench.quick"); // -Dbench.quick=true: face pipeline only, no Haar
            for (FramePipeline p : quick ? List.of(core) : List.of(core, all)) {
                String label = p == core ? face.label : "all stages " + all.activeStages();
                md.append("\n## Pipeline: ").append(label).append("\n\n");
                latency(p, frames, "clip frames 640x480 (JPEG bytes in, decode included)", md, medians);
                latency(p, stillBytes, "labelled stills 300x300..1000x1000 (decode included)", md, medians);
                md.append("\n| callers | input | frames/s | per core (/ ").append(Runtime.getRuntime().availableProcessors())
                        .append(" cores) | cores used by other processes meanwhile |\n|---|---|---|---|---|\n");
                for (int c : new int[]{1, callers}) {
                    double fps = throughput(c, seconds, i -> p.analyse(frames.get(i % frames.size())));
                    md.append(String.format(L, "| %d | clip JPEG bytes (decode included) | %.1f | %.1f | %.2f |%n", c, fps,
                            fps / Runtime.getRuntime().availableProcessors(), lastForeignCores));
                }
                double fpsMat = throughput(callers, seconds, i -> p.analyse(decoded.get(i % decoded.size()), null, new Timings()));
                md.append(String.format(L, "| %d | clip, decoded Mat (decode excluded) | %.1f | %.1f | %.2f |%n", callers, fpsMat,
                        fpsMat / Runtime.getRuntime().availableProcessors(), lastForeignCores));
            }

            attempts(all, clip, Integer.getInteger("bench.attempts", 16), callers, seconds, md);
            batching(weights, all, decoded.get(0), md);
            if (!quick) {
                haar(core, clip, frames, stills, stillBytes, decoder, md);
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        System.out.println(md);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    record Set4(String label, EnumSet<Stage> stages) {
    }

    /** One caller: per frame wall time vs the raw inference time measured inside the same run. */
    static void latency(FramePipeline p, List<byte[]> images, String what, StringBuilder md, Map<String, Double> medians) {
        for (int i = 0; i < Math.min(20, images.size()); i++) {
            p.analyse(images.get(i));
        }
        double[] total = new double[images.size()];
        double sumTotal = 0, sumInference = 0, sumRawMedians = 0;
        Map<String, Double> stage = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            long t0 = System.nanoTime();
            FrameAnalysis a = p.analyse(images.get(i));
            total[i] = (System.nanoTime() - t0) / 1e6;
            sumTotal += total[i];
            for (Map.Entry<String, Long> e : a.inferenceMicros().entrySet()) {
                sumInference += e.getValue() / 1e3;
                stage.merge(e.getKey(), e.getValue() / 1e3, Double::sum);
            }
            // the same model calls at their standalone medians
            sumRawMedians += medians.getOrDefault(FramePipeline.DETECTOR, 0.0);
            int faces = a.faces().size();
            for (String m : a.inferenceMicros().keySet()) {
                if (!m.equals(FramePipeline.DETECTOR) && !m.equals(FramePipeline.OBJECTS)) {
                    int calls = m.equals(FramePipeline.IRIS) ? 2 * faces : faces;
                    sumRawMedians += calls * medians.getOrDefault(m, 0.0);
                }
            }
            if (a.inferenceMicros().containsKey(FramePipeline.OBJECTS)) {
                sumRawMedians += medians.getOrDefault(FramePipeline.OBJECTS, 0.0);
            }
        }
        double[] sorted = total.clone();
        Arrays.sort(sorted);
        md.append(String.format(L, "%s, %d frames, one caller: median %.2f ms/frame (p90 %.2f); "
                        + "pipeline / in-pipeline inference = **%.2fx** (%.1f ms vs %.1f ms per frame); "
                        + "pipeline / sum of standalone model medians for the same calls = **%.2fx** (%.1f ms).%n",
                what, images.size(), sorted[sorted.length / 2], sorted[sorted.length * 9 / 10], sumTotal / sumInference,
                sumTotal / images.size(), sumInference / images.size(), sumTotal / sumRawMedians, sumRawMedians / images.size()));
        StringBuilder per = new StringBuilder("  in-pipeline inference per frame: ");
        stage.forEach((k, v) -> per.append(String.format(L, "%s %.2f ms, ", k, v / images.size())));
        md.append(per.substring(0, per.length() - 2)).append("\n\n");
    }

    interface Work {
        void run(int i);
    }

    /** Cores used by other processes during the last throughput run (from /proc/stat minus this process). */
    static double lastForeignCores;

    /** Busy jiffies of the whole machine (/proc/stat), or -1 where unavailable. */
    static long machineBusyJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (Exception e) {
            return -1;
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Repeats a throughput run (up to 3 times) while other processes used more than 0.3 cores; keeps the quietest. */
    static double throughput(int callers, int seconds, Work work) throws InterruptedException {
        double best = 0, bestForeign = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long busy0 = machineBusyJiffies(), cpu0 = processCpuNanos(), t0 = System.nanoTime();
            double fps = throughputOnce(callers, seconds, work);
            double wall = (System.nanoTime() - t0) / 1e9;
            double machine = (machineBusyJiffies() - busy0) / 100.0 / wall; // USER_HZ = 100
            double foreign = busy0 < 0 ? Double.NaN : Math.max(0, machine - (processCpuNanos() - cpu0) / 1e9 / wall);
            if (Double.isNaN(foreign) || foreign < bestForeign) {
                best = fps;
                bestForeign = foreign;
            }
            if (Double.isNaN(foreign) || foreign < 0.3) {
                break;
            }
        }
        lastForeignCores = bestForeign;
        return best;
    }

    static double throughputOnce(int callers, int seconds, Work work) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            work.run(i);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(callers);
        long t0 = System.nanoTime();
        for (int c = 0; c < callers; c++) {
            int offset = c * 7;
            Thread t = new Thread(() -> {
                int i = offset;
                while (!stop.get()) {
                    work.run(i++);
                    done.incrementAndGet();
                }
                finished.countDown();
            });
            t.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        finished.await();
        return done.get() / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * Batching across frames: the models with a dynamic batch dimension, one thread, batch 1 run 4 times vs one run
     * of batch 4 (the same real input), per image.
     */
    static void batching(Path weights, FramePipeline p, Mat frame, StringBuilder md) throws Exception {
        md.append("\n## Batching across frames (one caller, 1 intra-op thread, ms per image)\n\n");
        md.append("| model | batch 1 | batch 4 | batch 4 / batch 1 |\n|---|---|---|---|\n");
        org.campusproctor.vision.pipeline.InferenceRuntime runtime = new org.campusproctor.vision.pipeline.InferenceRuntime();
        org.campusproctor.vision.pipeline.ModelCatalog catalog = new org.campusproctor.vision.pipeline.ModelCatalog(weights);
        for (String name : List.of(FramePipeline.DETECTOR, FramePipeline.LANDMARKER, "minifasnet_v2")) {
            ModelSession m = p.model(name);
            Mat in = new Mat();
            Imgproc.resize(frame, in, new Size(m.spec().width(), m.spec().height()));
            float[] one = m.tensor(in);
            in.release();
            float[] four = new float[one.length * 4];
            for (int b = 0; b < 4; b++) {
                System.arraycopy(one, 0, four, b * one.length, one.length);
            }
            try (ai.onnxruntime.OrtSession session = runtime.open(m.spec().file())) {
                double single = perImage(runtime, session, m, one, 1);
                double batch = perImage(runtime, session, m, four, 4);
                md.append(String.format(L, "| %s | %.2f | %.2f | %.2f |%n", name, single, batch, batch / single));
            }
        }
    }

    static double perImage(org.campusproctor.vision.pipeline.InferenceRuntime runtime, ai.onnxruntime.OrtSession session,
                           ModelSession m, float[] input, int batch) throws Exception {
        long[] shape = m.spec().nchw() ? new long[]{batch, 3, m.spec().height(), m.spec().width()}
                : new long[]{batch, m.spec().height(), m.spec().width(), 3};
        double[] ms = new double[60];
        for (int i = -10; i < ms.length; i++) {
            long t0 = System.nanoTime();
            try (ai.onnxruntime.OnnxTensor t = ai.onnxruntime.OnnxTensor.createTensor(runtime.environment(),
                    java.nio.FloatBuffer.wrap(input), shape);
                 ai.onnxruntime.OrtSession.Result r = session.run(Map.of(m.spec().inputName(), t))) {
                r.size();
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6 / batch;
            }
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    /** One attempt-interleaved run: throughput, CPU per frame, foreign load, stage coverage. */
    record AttemptsRun(long frames, double fps, double coreMsPerFrame, double foreignCores, Map<Stage, Double> runsPerFrame,
                       Map<Stage, Long> longestGapMillis, int incidents, double trackedOnlyMs, double reusedPerFrame) {
    }

    /** Sensor noise of the still candidate's frames (grey levels, Gaussian sigma): a webcam in an ordinary room. */
    static final double STILL_NOISE = 3;

    /**
     * A candidate holding perfectly still: one frame of the clip's first segment with fresh sensor noise each time
     * ({@link Clip#stillCopies}). Synthetic (the clip is panned and zoomed throughout): the best case of still frames.
     */
    static List<byte[]> stillCandidate(Clip clip, int count) {
        return clip.stillCopies(30, STILL_NOISE, count);
    }

    /**
     * The pipeline as the server runs it: {@code attempts} attempts each sending the clip (every 6th frame, one frame
     * every 2 s, each attempt starting at another point of it), interleaved in arrival order; each attempt's frames
     * go to one caller in order (as the frames queue's message groups do), {@code callers} callers; per frame the
     * worker's steps: schedule, JPEG decode + pipeline, schedule record, incident rules; face match against an
     * enrolment from the clip. Every stage on every frame vs the default schedule.
     */
    static void attempts(FramePipeline p, Clip clip, int attempts, int callers, int seconds, StringBuilder md) throws Exception {
        List<byte[]> whole = new ArrayList<>();
        List<byte[]> calm = new ArrayList<>();
        for (int i = 0; i < clip.frames().size(); i += 6) {
            whole.add(clip.frames().get(i));
            if (clip.segmentOf(i).startS() == 0) { // one person: the enrolment's
                calm.add(clip.frames().get(i));
            }
        }
        List<byte[]> still = stillCandidate(clip, calm.size());
        float[] enrolment = p.activeStages().contains(Stage.MATCH) ? p.enrol(clip.frames().get(0)) : null;
        md.append("\n## Attempts interleaved at 0.5 frames/s each, every stage on every frame vs the stage schedule\n\n");
        md.append(String.format(L, "%d attempts, each sending a sequence of clip frames 2 s apart (starting at different points, "
                + "repeated), in arrival order; an attempt's frames go to one of %d callers in order (message groups); per frame: "
                + "schedule, JPEG decode + pipeline (stages %s, face match against an enrolment from the clip), incident rules. "
                + "Sequences: the whole clip (every 6th frame: %d frames, 38 %% of them without a face or with two, where the "
                + "detector runs on every frame, and four people) and a calm candidate (the first segment: the enrolled person facing "
                + "the camera, slowly panned and zoomed, %d frames), and a still candidate (one frame of it with fresh sensor "
                + "noise each time: Gaussian, sigma " + STILL_NOISE + ", re-encoded as the exam page does, JPEG quality 0.8). "
                + "reused: frames given the last analysed frame's results (still frames). core ms per frame "
                + "= this process's CPU time / frames. Measured after %d frames of every attempt, for %d s.%n%n", attempts,
                callers, p.activeStages(), whole.size(), calm.size(), WARM_ROUNDS, seconds));
        md.append("| sequence | schedule | frames/s | core ms per frame | cores used by other processes | stage runs per frame "
                + "(detect, gaze, spoof, match, objects) | reused | longest gap between runs over all attempts, s | tracked-only frame, ms |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        List<String> wanted = List.of(System.getProperty("bench.sequences", "whole,calm,still").split(","));
        for (List<byte[]> sequence : List.of(whole, calm, still)) {
            String name = sequence == whole ? "whole" : sequence == calm ? "calm" : "still";
            if (!wanted.contains(name)) {
                continue;
            }
            Map<String, StageSchedule> schedules = new LinkedHashMap<>();
            schedules.put("every", StageSchedule.EVERY_FRAME);
            schedules.put("nostill", StageSchedule.defaults().withoutStillFrames());
            schedules.put("default", StageSchedule.defaults());
            schedules.put("longer", LONGER);
            List<String> chosen = List.of(System.getProperty("bench.schedules", "every,nostill,default,longer").split(","));
            for (Map.Entry<String, StageSchedule> e : schedules.entrySet()) {
                if (!chosen.contains(e.getKey())) {
                    continue;
                }
                StageSchedule schedule = e.getValue();
                AttemptsRun r = attemptsRun(p, sequence, enrolment, schedule, attempts, callers, seconds);
                String label = switch (e.getKey()) {
                    case "every" -> "every stage, every frame";
                    case "nostill" -> "default, no still frames";
                    case "longer" -> "longer intervals";
                    default -> "default schedule";
                };
                md.append(String.format(L, "| %s | %s | %.1f | %.2f | %.2f | %s | %.2f | %s | %s |%n", sequence == whole ? "whole clip"
                                : sequence == calm ? "calm candidate" : "still candidate", label, r.fps, r.coreMsPerFrame, r.foreignCores,
                        StageScheduler.SCHEDULED.stream().map(s -> String.format(L, "%.2f", r.runsPerFrame.getOrDefault(s, 0.0)))
                                .collect(java.util.stream.Collectors.joining(" / ")), r.reusedPerFrame,
                        StageScheduler.SCHEDULED.stream().map(s -> String.format(L, "%.0f", r.longestGapMillis.getOrDefault(s, 0L) / 1000.0))
                                .collect(java.util.stream.Collectors.joining(" / ")),
                        r.trackedOnlyMs > 0 ? String.format(L, "%.2f", r.trackedOnlyMs) : "-"));
            }
        }
        md.append("\ntracked-only frame: the pipeline's wall time (decode, FaceMesh once or twice, pose, mouth) on frames where "
                + "no scheduled stage ran, i.e. the least a frame with a face costs.\n");
        md.append("\nDefault schedule: ").append(StageSchedule.defaults()).append("; longer intervals: ").append(LONGER).append(".\n");
    }

    /** A leaner schedule, to show the trade-off: later first evidence for a lower cost. */
    static final StageSchedule LONGER = new StageSchedule(10_000, 60_000, 20_000, 10_000, 30_000);

    /** A frame where only tracking and what follows it on every frame ran: the floor of a frame's cost. */
    static final List<String> TRACKED_ONLY = List.of("decode", "track", "landmarks", "pose", "mouth");

    /** Frames per attempt before measuring (24 s of each attempt: longer than the schedule's intervals but one). */
    static final int WARM_ROUNDS = 12;

    static AttemptsRun attemptsRun(FramePipeline p, List<byte[]> sequence, float[] enrolment, StageSchedule schedule,
                                   int attempts, int callers, int seconds) throws InterruptedException {
        StageScheduler scheduler = new StageScheduler(schedule, a -> null, 10_000);
        IncidentDetector rules = new IncidentDetector();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicLong incidents = new AtomicLong();
        AtomicLong trackedOnly = new AtomicLong();
        AtomicLong trackedOnlyMicros = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(callers);
        // steady state first: every attempt's first frames run every stage, the schedule applies from its history on
        CountDownLatch warm = new CountDownLatch(callers);
        AtomicBoolean measuring = new AtomicBoolean();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            Thread t = new Thread(() -> {
                // arrival order: round k of every attempt, attempts pinned to callers by number
                for (long k = 0; !stop.get(); k++) {
                    if (k == WARM_ROUNDS) {
                        warm.countDown();
                    }
                    for (int a = caller; a < attempts && !stop.get(); a += callers) {
                        String attempt = "attempt-" + a;
                        int index = (int) ((k + a * 7L) % sequence.size());
                        long at = k * 2_000 + a * 2_000L / attempts;
                        String frameId = attempt + "-" + k;
                        FramePlan plan = scheduler.plan(attempt, frameId, at);
                        FrameAnalysis analysis = p.analyse(sequence.get(index), enrolment, plan);
                        scheduler.record(attempt, frameId, at, analysis);
                        incidents.addAndGet(rules.onFrame(attempt, frameId, at, analysis).size());
                        if (measuring.get()) {
                            done.incrementAndGet();
                            if (analysis.stages().equals(TRACKED_ONLY)) {
                                trackedOnly.incrementAndGet();
                                trackedOnlyMicros.addAndGet(analysis.elapsedMicros());
                            }
                        }
                    }
                }
                finished.countDown();
            });
            t.start();
        }
        warm.await();
        long[] start = {machineBusyJiffies(), processCpuNanos(), System.nanoTime()};
        measuring.set(true);
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        long frames = done.get();
        double wall = (System.nanoTime() - start[2]) / 1e9;
        double cpu = (processCpuNanos() - start[1]) / 1e9;
        double machine = (machineBusyJiffies() - start[0]) / 100.0 / wall;
        stop.set(true);
        finished.await();
        Map<Stage, Double> runs = new java.util.EnumMap<>(Stage.class);
        Map<Stage, Long> gaps = new java.util.EnumMap<>(Stage.class);
        long seen = 0;
        long reused = 0;
        for (int a = 0; a < attempts; a++) {
            StageScheduler.Coverage c = scheduler.coverage("attempt-" + a);
            if (c == null) {
                continue;
            }
            seen += c.frames();
            reused += c.reused();
            c.runs().forEach((s, n) -> runs.merge(s, (double) n, Double::sum));
            c.longestGapMillis().forEach((s, g) -> gaps.merge(s, g, Math::max));
        }
        long total = seen;
        runs.replaceAll((s, n) -> n / total);
        return new AttemptsRun(frames, frames / wall, cpu * 1000 / frames, Math.max(0, machine - cpu / wall), runs, gaps,
                (int) incidents.get(), trackedOnlyMicros.get() / 1e3 / Math.max(1, trackedOnly.get()), (double) reused / total);
    }

    static void haar(FramePipeline core, Clip clip, List<byte[]> frames, List<Labels.Still> stills, List<byte[]> stillBytes,
                     FrameDecoder decoder, StringBuilder md) throws Exception {
        Path xml = Files.createTempFile("haarcascade_frontalface_default", ".xml");
        try (InputStream in = VisionBenchmark.class.getResourceAsStream("/haar/haarcascade_frontalface_default.xml")) {
            Files.copy(in, xml, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        CascadeClassifier haar = new CascadeClassifier(xml.toString());
        Files.delete(xml);
        md.append("\n## BlazeFace (+ FaceMesh confirmation) vs OpenCV Haar cascade (haarcascade_frontalface_default.xml)\n\n");
        md.append("Haar: grey + equalizeHist, detectMultiScale(scale 1.1, minNeighbors 5, min size 40 px), on the decoded frame. "
                + "BlazeFace: the pipeline's `detect` stage time (letterbox + inference + decoding + NMS). Counts are compared "
                + "with the labelled face count per image (recall = min(found, expected) / expected summed; extra = found beyond expected).\n\n");
        md.append("| image set | detector | ms/frame (mean) | recall | extra detections | images with exact count |\n|---|---|---|---|---|---|\n");
        // stills
        int[] expected = stills.stream().mapToInt(Labels.Still::faces).toArray();
        compare("stills (" + stills.size() + ")", stillBytes, expected, core, haar, decoder, md);
        int[] clipExpected = new int[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            clipExpected[i] = clip.segmentOf(2 * i).groundTruth().getInt("faces");
        }
        compare("clip frames (" + frames.size() + ")", frames, clipExpected, core, haar, decoder, md);
    }

    static void compare(String set, List<byte[]> images, int[] expected, FramePipeline core, CascadeClassifier haar,
                        FrameDecoder decoder, StringBuilder md) {
        long haarNs = 0, blazeNs = 0;
        int haarHit = 0, blazeHit = 0, exp = 0, haarExtra = 0, blazeExtra = 0, haarExact = 0, blazeExact = 0;
        for (int i = 0; i < images.size(); i++) {
            Mat bgr = decoder.decode(images.get(i));
            Mat grey = new Mat();
            MatOfRect found = new MatOfRect();
            long t0 = System.nanoTime();
            Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
            Imgproc.equalizeHist(grey, grey);
            haar.detectMultiScale(grey, found, 1.1, 5, 0, new Size(40, 40), new Size());
            haarNs += System.nanoTime() - t0;
            int h = found.toArray().length;
            Timings t = new Timings();
            FrameAnalysis a = core.analyse(bgr, null, t);
            blazeNs += t.stageNanos().getOrDefault("detect", 0L);
            int b = a.faceCount();
            exp += expected[i];
            haarHit += Math.min(h, expected[i]);
            blazeHit += Math.min(b, expected[i]);
            haarExtra += Math.max(0, h - expected[i]);
            blazeExtra += Math.max(0, b - expected[i]);
            haarExact += h == expected[i] ? 1 : 0;
            blazeExact += b == expected[i] ? 1 : 0;
            bgr.release();
            grey.release();
            found.release();
        }
        int n = images.size();
        md.append(String.format(L, "| %s | BlazeFace + FaceMesh flag | %.2f (detect stage only) | %d/%d | %d | %d/%d |%n", set,
                blazeNs / 1e6 / n, blazeHit, exp, blazeExtra, blazeExact, n));
        md.append(String.format(L, "| %s | Haar cascade | %.2f | %d/%d | %d | %d/%d |%n", set, haarNs / 1e6 / n, haarHit, exp,
                haarExtra, haarExact, n));
    }
}
