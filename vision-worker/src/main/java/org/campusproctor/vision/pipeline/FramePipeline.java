package org.campusproctor.vision.pipeline;

import org.opencv.core.Mat;

import java.nio.file.Path;
import java.util.List;

/**
 * The vision pipeline of one worker: decode and validate the frame, then run the models. Plain Java, usable and
 * testable without a server. Thread-safe: one instance serves all MDB instances of a node.
 */
public class FramePipeline implements AutoCloseable {

    private final FrameDecoder decoder = new FrameDecoder();
    private final InferenceRuntime runtime = new InferenceRuntime();
    private final Path modelsDir;

    public FramePipeline(Path modelsDir) {
        this.modelsDir = modelsDir;
    }

    public FrameAnalysis analyse(byte[] frame) {
        long start = System.nanoTime();
        Mat image = decoder.decode(frame);
        try {
            return new FrameAnalysis(image.cols(), image.rows(), runtime.provider().name(), null,
                    List.of("decode"), (System.nanoTime() - start) / 1_000);
        } finally {
            image.release();
        }
    }

    public Path modelsDir() {
        return modelsDir;
    }

    @Override
    public void close() {
        // model sessions are added here as stages arrive
    }
}
