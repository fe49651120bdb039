package org.campusproctor.infrastructure.messaging;

/**
 * Physical names of the JMS queues created by server-config. Producers use {@code JMSContext.createQueue(name)} and
 * MDBs {@code destination=name, useJNDI=false}: both Artemis resource adapters (WildFly's and the standalone one on
 * Payara) understand that, so the code carries no vendor JNDI name.
 */
public final class Queues {
    /** Webcam frames to analyse: ids and a storage key, never the image bytes. */
    public static final String FRAMES = "frames";
    /** What the vision workers found, one message per frame. */
    public static final String VISION_RESULTS = "vision-results";
    /** Dead-letter queues of the two (created by server-config); messages carry a {@code failureReason} where known. */
    public static final String FRAMES_DLQ = "frames.dlq";
    public static final String VISION_RESULTS_DLQ = "vision-results.dlq";

    /** Message properties shared by producers and consumers. */
    public static final String PROP_MEDIA_ID = "mediaId";
    public static final String PROP_ATTEMPT_REF = "attemptRef";
    public static final String PROP_STORAGE_KEY = "storageKey";
    public static final String PROP_CAPTURED_AT = "capturedAtMillis";
    public static final String PROP_STATUS = "status";
    public static final String PROP_WORKER_NODE = "workerNode";
    /** The exam's incident-threshold overrides (JSON object) for the worker's rules; absent = defaults. */
    public static final String PROP_INCIDENT_THRESHOLDS = "incidentThresholds";

    private Queues() {
    }
}
