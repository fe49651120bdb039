package org.campusproctor.vision.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's models (weights/manifest.json + weights/models) and labelled stills (weights/testdata), shared
 * by the tests of this module: one pipeline per test JVM, as one per worker on the server.
 */
public final class TestData {

    public static final Path WEIGHTS = Path.of(System.getProperty("campusproctor.test.weights", "../weights"));
    public static final Path IMAGES = WEIGHTS.resolve("testdata");
    private static FramePipeline pipeline;

    private TestData() {
    }

    public static synchronized FramePipeline pipeline() {
        if (pipeline == null) {
            System.setProperty("campusproctor.vision.cuda", System.getProperty("campusproctor.vision.cuda", "off"));
            pipeline = new FramePipeline(WEIGHTS);
        }
        return pipeline;
    }

    public static byte[] image(String relative) {
        try {
            return Files.readAllBytes(IMAGES.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FrameAnalysis analyse(String relative) {
        return pipeline().analyse(image(relative));
    }
}
