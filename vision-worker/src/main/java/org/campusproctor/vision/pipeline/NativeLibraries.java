package org.campusproctor.vision.pipeline;

import nu.pattern.OpenCV;
import org.opencv.core.Core;

import java.util.logging.Logger;

/**
 * Loads OpenCV's JNI library once per JVM. On the server the OpenCV classes come from a server module, so the
 * library stays loaded across redeployments of the EAR (a JNI library can be bound to one class loader only).
 */
public final class NativeLibraries {

    private static final Logger LOG = Logger.getLogger(NativeLibraries.class.getName());
    private static volatile boolean openCvLoaded;

    private NativeLibraries() {
    }

    public static synchronized void loadOpenCv() {
        if (openCvLoaded) {
            return;
        }
        try {
            // Already loaded by an earlier deployment through the same module class loader?
            Core.getVersionString();
        } catch (UnsatisfiedLinkError notYet) {
            OpenCV.loadLocally();
        }
        openCvLoaded = true;
        LOG.info(() -> "OpenCV " + Core.VERSION + " loaded");
    }
}
