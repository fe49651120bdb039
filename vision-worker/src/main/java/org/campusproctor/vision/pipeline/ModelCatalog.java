package org.campusproctor.vision.pipeline;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models installed in {@code campusproctor.models.dir}: reads {@code manifest.json} (as written by the weights
 * module) and turns each entry into a {@link ModelSpec}. Nothing about inputs, layouts or normalisation is
 * hard-coded here; a model the manifest does not list is unavailable.
 */
public final class ModelCatalog {

    public static final String MANIFEST = "manifest.json";

    private final Path dir;
    private final Map<String, ModelSpec> specs = new LinkedHashMap<>();

    public ModelCatalog(Path dir) {
        this.dir = dir;
        Path manifest = dir.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            try (InputStream in = Files.newInputStream(manifest); JsonReader reader = Json.createReader(in)) {
                for (JsonValue v : reader.readObject().getJsonArray("models")) {
                    ModelSpec spec = parse(v.asJsonObject());
                    specs.put(spec.name(), spec);
                }
            } catch (IOException | RuntimeException e) {
                throw new ModelUnavailableException("Unreadable model manifest " + manifest + ": " + e.getMessage(), e);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    /** The spec of a model; {@link ModelUnavailableException} when the manifest does not list it. */
    public ModelSpec require(String name) {
        ModelSpec spec = specs.get(name);
        if (spec == null) {
            throw new ModelUnavailableException("Model '" + name + "' is not listed in " + dir.resolve(MANIFEST)
                    + (specs.isEmpty() ? " (manifest missing or empty)" : " (listed: " + specs.keySet() + ")"));
        }
        return spec;
    }

    public Optional<ModelSpec> find(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    /** Listed in the manifest and its file present. */
    public boolean installed(String name) {
        return find(name).map(s -> Files.isRegularFile(s.file())).orElse(false);
    }

    private static Double cropScale(JsonObject pre) {
        for (String key : new String[]{"crop_scale", "scale"}) {
            if (pre.get(key) instanceof JsonNumber n) {
                return n.doubleValue();
            }
        }
        return null;
    }

    private ModelSpec parse(JsonObject m) {
        String name = m.getString("name");
        JsonObject input = m.getJsonArray("inputs").getJsonObject(0);
        JsonObject pre = m.getJsonObject("preprocessing");
        JsonArray size = pre.getJsonArray("size");
        int height = size.getInt(0);
        int width = size.getInt(1);
        boolean nchw = "NCHW".equalsIgnoreCase(pre.getString("layout", "NHWC"));
        boolean bgr = "BGR".equalsIgnoreCase(pre.getString("colour_order", "RGB"));
        float[] mean = new float[3];
        float[] std = new float[3];
        if (pre.containsKey("mean") && pre.containsKey("std")) {
            for (int c = 0; c < 3; c++) {
                mean[c] = (float) pre.getJsonArray("mean").getJsonNumber(c).doubleValue();
                std[c] = (float) pre.getJsonArray("std").getJsonNumber(c).doubleValue();
            }
        } else if (pre.containsKey("value_range")) {
            double lo = ((JsonNumber) pre.getJsonArray("value_range").get(0)).doubleValue();
            double hi = ((JsonNumber) pre.getJsonArray("value_range").get(1)).doubleValue();
            double scale = (hi - lo) / 255.0;
            for (int c = 0; c < 3; c++) {
                std[c] = (float) (1 / scale);
                mean[c] = (float) (-lo / scale);
            }
        } else {
            throw new IllegalArgumentException("model " + name + ": preprocessing has neither mean/std nor value_range");
        }
        List<ModelSpec.Output> outputs = new ArrayList<>();
        for (JsonValue v : m.getJsonArray("outputs")) {
            JsonObject o = v.asJsonObject();
            List<Integer> shape = new ArrayList<>();
            JsonArray dims = o.getJsonArray("shape");
            for (int i = 1; i < dims.size(); i++) {
                shape.add(dims.get(i) instanceof JsonNumber n ? n.intValue() : -1);
            }
            outputs.add(new ModelSpec.Output(o.getString("name"), List.copyOf(shape), o.getString("signature_key", null)));
        }
        return new ModelSpec(name, dir.resolve(m.getString("file")), input.getString("name"), width, height, nchw, bgr,
                mean, std, List.copyOf(outputs), cropScale(pre));
    }
}
