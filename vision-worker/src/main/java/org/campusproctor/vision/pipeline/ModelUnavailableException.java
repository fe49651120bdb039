package org.campusproctor.vision.pipeline;

/** A model file is missing or cannot be loaded: a configuration error, reported with the path. */
public class ModelUnavailableException extends RuntimeException {
    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
