package org.campusproctor.vision.testdata;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** weights/testdata/labels.json: the labelled stills. */
public final class Labels {

    /** One still: expected faces, yaw/pitch by eye (null when no face), live (null when no face). */
    public record Still(String file, int faces, Double yaw, Double pitch, Boolean live, String pose) {
        /** frontal (|yaw| < 20), turned (20..55), profile (> 55): the bins SOURCES.md asks to use. */
        public String yawBin() {
            return yaw == null ? null : bin(yaw);
        }

        public static String bin(double yaw) {
            double a = Math.abs(yaw);
            return a < 20 ? "frontal" : a <= 55 ? (yaw > 0 ? "turned-right" : "turned-left")
                    : (yaw > 0 ? "profile-right" : "profile-left");
        }
    }

    public static List<Still> load(Path testdata) {
        try (InputStream in = Files.newInputStream(testdata.resolve("labels.json")); JsonReader r = Json.createReader(in)) {
            List<Still> out = new ArrayList<>();
            for (JsonValue v : r.readObject().getJsonArray("images")) {
                JsonObject o = v.asJsonObject();
                JsonObject gt = o.getJsonObject("ground_truth");
                out.add(new Still(o.getString("file"), gt.getInt("faces"), number(gt, "yaw"), number(gt, "pitch"),
                        gt.get("live") == JsonValue.TRUE ? Boolean.TRUE : gt.get("live") == JsonValue.FALSE ? Boolean.FALSE : null,
                        gt.get("pose") instanceof jakarta.json.JsonString s ? s.getString() : null));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double number(JsonObject o, String key) {
        return o.get(key) instanceof JsonNumber n ? n.doubleValue() : null;
    }
}
