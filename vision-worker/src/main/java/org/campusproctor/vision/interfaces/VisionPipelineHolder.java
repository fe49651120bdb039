package org.campusproctor.vision.interfaces;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.campusproctor.vision.pipeline.FramePipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * One vision pipeline per deployment, built on first use: model sessions are created once per worker, never per
 * message, and shared by the MDB instances (an ONNX Runtime session may be run from several threads).
 */
@ApplicationScoped
public class VisionPipelineHolder {

    public static final String MODELS_DIR_PROPERTY = "campusproctor.models.dir";
    static final String NODE = nodeName();

    private volatile FramePipeline pipeline;

    public FramePipeline get() {
        FramePipeline p = pipeline;
        if (p == null) {
            synchronized (this) {
                if (pipeline == null) {
                    pipeline = new FramePipeline(modelsDir());
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

    static Path modelsDir() {
        return Paths.get(System.getProperty(MODELS_DIR_PROPERTY, "models"));
    }

    private static String nodeName() {
        String configured = System.getProperty("jboss.node.name", System.getProperty("campusproctor.node"));
        if (configured != null) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
