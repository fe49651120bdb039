package org.campusproctor.vision.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.campusproctor.contract.ServerNode;
import org.campusproctor.contract.settings.Settings;
import org.campusproctor.vision.pipeline.FramePipeline;

/**
 * One vision pipeline per deployment, built on first use: model sessions are created once per worker, never per
 * message, and shared by the MDB instances (an ONNX Runtime session may be run from several threads).
 */
@ApplicationScoped
public class SharedVisionPipeline {

    /** This node's name in analyses and logs. */
    public static final String NODE = ServerNode.NAME;

    private volatile FramePipeline pipeline;

    public FramePipeline get() {
        FramePipeline p = pipeline;
        if (p == null) {
            synchronized (this) {
                if (pipeline == null) {
                    pipeline = new FramePipeline(Settings.MODELS_DIR.value());
                }
                p = pipeline;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }
}
