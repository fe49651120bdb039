package org.campusproctor.vision.bench;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.campusproctor.vision.pipeline.DlibResNetEmbedder;
import org.campusproctor.vision.pipeline.FaceDetection;
import org.campusproctor.vision.pipeline.FaceDetector;
import org.campusproctor.vision.pipeline.FaceEmbedder;
import org.campusproctor.vision.pipeline.FaceLandmarker;
import org.campusproctor.vision.pipeline.FaceLandmarks;
import org.campusproctor.vision.pipeline.FrameDecoder;
import org.campusproctor.vision.pipeline.FramePipeline;
import org.campusproctor.vision.pipeline.InferenceRuntime;
import org.campusproctor.vision.pipeline.ModelCatalog;
import org.campusproctor.vision.pipeline.ModelSession;
import org.campusproctor.vision.pipeline.PipelineOptions;
import org.campusproctor.vision.testdata.IdentitySet;
import org.campusproctor.vision.testdata.IdentitySet.Pair;
import org.campusproctor.vision.testdata.IdentitySet.Photo;
import org.opencv.core.Mat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Calibrates the face-identity models on the labelled identity set ({@link IdentitySet}): embeds the largest
 * FaceMesh-confirmed face of every photo (BlazeFace + FaceMesh as in the pipeline), measures the distances of all
 * genuine (same person) and impostor (different people) pairs, picks the threshold for the stated false-accept rate
 * and reports the false-reject rate it implies, and the time per embedding (crop + inference, 1 thread). Both
 * faceres34 (the shipped model) and MobileFaceNet (the previous one) are measured the same way. Writes
 * target/identity-calibration.md and the {@code calibration} object of both models in weights/manifest.json.
 * <pre>./mvnw -B -o -pl vision-worker test-compile exec:exec@identity-calibration</pre>
 */
public final class IdentityCalibration {

    /** The false-accept rate the threshold is chosen for, on the identity set's impostor pairs. */
    public static final double TARGET_FAR = 0.0;
    static final int TIMING_RUNS = 30;

    /** The measurement of one model. */
    public record Result(String model, String distance, int photos, List<String> unusable, List<Double> genuine,
                         List<Double> impostor, double threshold, int falseAccepts, int falseRejects,
                         double medianMs, double p90Ms, List<String> closestImpostors, List<String> farthestGenuine) {

        double min(List<Double> v) {
            return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double max(List<Double> v) {
            return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        static double median(List<Double> v) {
            List<Double> s = v.stream().sorted().toList();
            return s.isEmpty() ? Double.NaN : s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
        }

        double far() {
            return impostor.isEmpty() ? 0 : (double) falseAccepts / impostor.size();
        }

        double frr() {
            return genuine.isEmpty() ? 0 : (double) falseRejects / genuine.size();
        }
    }

    private IdentityCalibration() {
    }

    public static void main(String[] args) throws Exception {
        Path weights = Path.of(args.length > 0 ? args[0] : "../weights");
        Path out = Path.of(args.length > 1 ? args[1] : "target/identity-calibration.md");
        System.setProperty("campusproctor.vision.cuda", System.getProperty("campusproctor.vision.cuda", "off"));
        List<Photo> photos = IdentitySet.load(weights);
        List<Result> results = new ArrayList<>();
        try (FramePipeline pipeline = new FramePipeline(weights)) {
            pipeline.activeStages();
            InferenceRuntime runtime = new InferenceRuntime();
            ModelCatalog catalog = new ModelCatalog(weights);
            try (ModelSession faceres = new ModelSession(runtime, catalog.require(DlibResNetEmbedder.MODEL));
                 ModelSession mobile = new ModelSession(runtime, catalog.require("mobilefacenet"))) {
                PipelineOptions o = PipelineOptions.defaults();
                results.add(measure(pipeline, new DlibResNetEmbedder(faceres), "Euclidean", photos));
                results.add(measure(pipeline, new MobileFaceNetEmbedder(mobile, o.landmarkExpand()), "1 - cosine (centred)", photos));
            }
        }
        String md = markdown(results, photos);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        writeManifest(weights.resolve("manifest.json"), results);
        System.out.println(md);
        System.out.println("Written to " + out.toAbsolutePath() + " and the calibration of " + weights.resolve("manifest.json"));
    }

    /** Embeds every photo with this embedder, pairs them, chooses the threshold, times the embedding. */
    public static Result measure(FramePipeline pipeline, FaceEmbedder embedder, String distance, List<Photo> photos) {
        PipelineOptions o = PipelineOptions.defaults();
        FaceDetector detector = new FaceDetector(pipeline.model(FramePipeline.DETECTOR), o.minFaceScore(), o.nmsIou());
        FaceLandmarker landmarker = new FaceLandmarker(pipeline.model(FramePipeline.LANDMARKER), o.landmarkExpand());
        FrameDecoder decoder = new FrameDecoder();
        Map<Photo, float[]> embeddings = new LinkedHashMap<>();
        List<String> unusable = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (Photo p : photos) {
            Mat image = decoder.decode(IdentitySet.bytes(p));
            try {
                FaceDetection best = null;
                FaceLandmarks bestLm = null;
                for (FaceDetection d : detector.detect(image, null)) {
                    FaceLandmarks lm = landmarker.landmarks(image, d, null);
                    if (lm.faceScore() >= o.minLandmarkScore() && (best == null || d.box().area() > best.box().area())) {
                        best = d;
                        bestLm = lm;
                    }
                }
                float[] e = best == null ? null : embedder.embed(image, best, bestLm, null);
                if (e == null) {
                    unusable.add(p.name());
                    continue;
                }
                embeddings.put(p, e);
                if (times.isEmpty()) { // time the embedding on the first usable photo, warm
                    for (int k = 0; k < 5; k++) {
                        embedder.embed(image, best, bestLm, null);
                    }
                    for (int k = 0; k < TIMING_RUNS; k++) {
                        long t0 = System.nanoTime();
                        embedder.embed(image, best, bestLm, null);
                        times.add((System.nanoTime() - t0) / 1e6);
                    }
                }
            } finally {
                image.release();
            }
        }
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        List<Map.Entry<Pair, Double>> byPair = new ArrayList<>();
        for (Pair pair : IdentitySet.pairs(new ArrayList<>(embeddings.keySet()))) {
            double d = embedder.distance(embeddings.get(pair.a()), embeddings.get(pair.b()));
            (pair.genuine() ? genuine : impostor).add(d);
            byPair.add(Map.entry(pair, d));
        }
        double threshold = threshold(genuine, impostor, TARGET_FAR);
        int fa = (int) impostor.stream().filter(d -> d <= threshold).count();
        int fr = (int) genuine.stream().filter(d -> d > threshold).count();
        List<Double> sorted = times.stream().sorted().toList();
        List<String> closest = byPair.stream().filter(e -> !e.getKey().genuine()).sorted(Map.Entry.comparingByValue())
                .limit(3).map(e -> e.getKey() + String.format(Locale.ROOT, " %.3f", e.getValue())).toList();
        List<String> farthest = byPair.stream().filter(e -> e.getKey().genuine())
                .sorted(Map.Entry.<Pair, Double>comparingByValue().reversed())
                .limit(3).map(e -> e.getKey() + String.format(Locale.ROOT, " %.3f", e.getValue())).toList();
        return new Result(embedder.model(), distance, photos.size(), unusable, genuine, impostor, threshold, fa, fr,
                Result.median(sorted), sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1),
                closest, farthest);
    }

    /**
     * The threshold for a false-accept rate: accepting distances below the (k+1)-th smallest impostor distance
     * (k = floor(far · n)) accepts at most k impostor pairs; the threshold is placed in the middle of the gap below
     * that distance (to the next smaller distance of any pair), not at its edge.
     */
    public static double threshold(List<Double> genuine, List<Double> impostor, double far) {
        List<Double> imp = impostor.stream().sorted().toList();
        int k = (int) Math.floor(far * imp.size());
        double upper = k < imp.size() ? imp.get(k) : Double.MAX_VALUE;
        double lower = 0;
        for (List<Double> l : List.of(genuine, impostor)) {
            for (double d : l) {
                if (d < upper) {
                    lower = Math.max(lower, d);
                }
            }
        }
        return upper == Double.MAX_VALUE ? lower : (lower + upper) / 2;
    }

    static String markdown(List<Result> results, List<Photo> photos) {
        StringBuilder md = new StringBuilder("# Face identity calibration\n\n");
        long people = photos.stream().map(Photo::person).distinct().count();
        md.append("Generated by `org.campusproctor.vision.bench.IdentityCalibration` ")
                .append("(`./mvnw -B -o -pl vision-worker test-compile exec:exec@identity-calibration`).\n")
                .append("Identity set: ").append(photos.size()).append(" photos of ").append(people)
                .append(" people (vision-worker/src/test/resources/identity + single-face stills of weights/testdata); ")
                .append("largest FaceMesh-confirmed BlazeFace face per photo. Threshold chosen for a false-accept rate of ")
                .append(String.format(Locale.ROOT, "%.0f%%", TARGET_FAR * 100))
                .append(" on the impostor pairs, in the middle of the gap below the closest impostor pair; ")
                .append("same person when distance <= threshold. Time per embedding: crop + inference, 1 thread, ")
                .append(TIMING_RUNS).append(" runs after 5 warm-up runs.\n\n");
        md.append("| model | distance | unusable photos | genuine pairs: min / median / max | impostor pairs: min / median / max "
                + "| threshold | false accepts | false rejects | ms per embedding (median / p90) |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d: %.3f / %.3f / %.3f | %d: %.3f / %.3f / %.3f | %.3f | %d/%d (%.1f%%) | %d/%d (%.1f%%) | %.1f / %.1f |%n",
                    r.model(), r.distance(), r.unusable().isEmpty() ? "none" : String.join(", ", r.unusable()),
                    r.genuine().size(), r.min(r.genuine()), Result.median(r.genuine()), r.max(r.genuine()),
                    r.impostor().size(), r.min(r.impostor()), Result.median(r.impostor()), r.max(r.impostor()),
                    r.threshold(), r.falseAccepts(), r.impostor().size(), 100 * r.far(), r.falseRejects(), r.genuine().size(),
                    100 * r.frr(), r.medianMs(), r.p90Ms()));
        }
        for (Result r : results) {
            md.append("\n").append(r.model()).append(": closest impostor pairs ").append(r.closestImpostors())
                    .append("; farthest genuine pairs ").append(r.farthestGenuine()).append("\n");
        }
        return md.toString();
    }

    /** Sets the {@code calibration} object of each measured model in the manifest, in the manifest's fixed format. */
    static void writeManifest(Path manifest, List<Result> results) throws Exception {
        ObjectMapper om = new ObjectMapper();
        JsonNode root = om.readTree(manifest.toFile());
        for (JsonNode m : root.path("models")) {
            for (Result r : results) {
                if (!r.model().equals(m.path("name").asText())) {
                    continue;
                }
                ObjectNode c = om.createObjectNode();
                c.put("set", "vision-worker/src/test/resources/identity (labels.json) + weights/testdata/images/single_frontal "
                        + "cc0_* and nasa_* stills as impostors: " + r.photos() + " photos");
                c.put("command", "./mvnw -B -o -pl vision-worker test-compile exec:exec@identity-calibration");
                c.put("distance", r.distance());
                c.put("genuine_pairs", r.genuine().size());
                c.put("impostor_pairs", r.impostor().size());
                ArrayNode g = c.putArray("genuine_min_median_max");
                g.add(round(r.min(r.genuine()))).add(round(Result.median(r.genuine()))).add(round(r.max(r.genuine())));
                ArrayNode i = c.putArray("impostor_min_median_max");
                i.add(round(r.min(r.impostor()))).add(round(Result.median(r.impostor()))).add(round(r.max(r.impostor())));
                c.put("target_false_accept_rate", TARGET_FAR);
                c.put("threshold", round(r.threshold()));
                c.put("false_accept_rate", round(r.far()));
                c.put("false_reject_rate", round(r.frr()));
                c.put("ms_per_embedding_median", Math.round(r.medianMs() * 10) / 10.0);
                c.put("note", "a small set: the rates are what this set shows, not a population estimate; recalibrate on real enrolment photos");
                ((ObjectNode) m).set("calibration", c);
            }
        }
        // the manifest's fixed format (weights' ManifestTool.write; ManifestTest checks it)
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""));
        pp.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        pp.indentArraysWith(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        Files.writeString(manifest, om.writer(pp).writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
