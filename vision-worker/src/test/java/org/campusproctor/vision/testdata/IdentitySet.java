package org.campusproctor.vision.testdata;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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

/**
 * The labelled identity set: the photos of src/test/resources/identity (several photos of each person; labels.json,
 * licences beside) plus single-face stills of other people from weights/testdata (impostors only), with face-api's
 * own result for each (face-api-reference.json, made by weights/tools/face-api-reference/make-fixtures.js).
 */
public final class IdentitySet {

    /** One photo: where it is, whose face it shows, and face-api's crop square and descriptor for it (null if none). */
    public record Photo(String name, Path file, String person, int[] faceApiSquare, float[] faceApiDescriptor) {
    }

    /** A pair of photos; genuine when both show the same person. */
    public record Pair(Photo a, Photo b) {
        public boolean genuine() {
            return a.person().equals(b.person());
        }

        @Override
        public String toString() {
            return a.name() + " ~ " + b.name();
        }
    }

    public static final String RESOURCE = "/identity/face-api-reference.json";

    private IdentitySet() {
    }

    /** @param weights the weights directory (the impostor stills are under its testdata/) */
    public static List<Photo> load(Path weights) {
        Path identity = resourceDir();
        try (InputStream in = IdentitySet.class.getResourceAsStream(RESOURCE); JsonReader r = Json.createReader(in)) {
            List<Photo> photos = new ArrayList<>();
            for (JsonValue v : r.readObject().getJsonArray("images")) {
                JsonObject o = v.asJsonObject();
                String file = o.getString("file");
                Path path = file.startsWith("testdata/") ? weights.resolve(file) : identity.resolve(file);
                int[] square = null;
                float[] descriptor = null;
                if (o.containsKey("alignedRect")) {
                    JsonArray rect = o.getJsonArray("alignedRect");
                    square = new int[]{rect.getInt(0), rect.getInt(1), rect.getInt(2), rect.getInt(3)};
                    JsonArray d = o.getJsonArray("descriptor");
                    descriptor = new float[d.size()];
                    for (int k = 0; k < descriptor.length; k++) {
                        descriptor[k] = (float) d.getJsonNumber(k).doubleValue();
                    }
                }
                photos.add(new Photo(Path.of(file).getFileName().toString(), path, o.getString("person"), square, descriptor));
            }
            return photos;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every unordered pair. */
    public static List<Pair> pairs(List<Photo> photos) {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            for (int j = i + 1; j < photos.size(); j++) {
                out.add(new Pair(photos.get(i), photos.get(j)));
            }
        }
        return out;
    }

    public static byte[] bytes(Photo p) {
        try {
            return Files.readAllBytes(p.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourceDir() {
        try {
            return Path.of(IdentitySet.class.getResource(RESOURCE).toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
