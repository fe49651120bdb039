package org.campusproctor.contract.vision;

/**
 * Physical names of the JMS queues created by server-config, and the message properties set beside the JSON body
 * (for selectors, dead-letter browsing and logs; the body is what consumers read). Producers use
 * {@code JMSContext.createQueue(name)} and MDBs {@code destination=name, useJNDI=false}: both Artemis resource
 * adapters (WildFly's and a standalone one) understand that, so the code carries no vendor JNDI name.
 */
public final class Queues {
    /** {@link FrameToAnalyse} messages: ids and a storage key, never the image bytes. */
    public static final String FRAMES = "frames";
    /** {@link FrameAnalysisReport} messages, one per analysed frame. */
    public static final String VISION_RESULTS = "vision-results";
    /** Dead-letter queues of the two (created by server-config); messages carry {@link #PROP_FAILURE_REASON} where known. */
    public static final String FRAMES_DLQ = "frames.dlq";
    public static final String VISION_RESULTS_DLQ = "vision-results.dlq";

    public static final String PROP_MEDIA_ID = "mediaId";
    public static final String PROP_ATTEMPT_ID = "attemptId";
    public static final String PROP_WORKER_NODE = "workerNode";
    /** Comma-separated incident types a report raised (for logs and selectors). */
    public static final String PROP_INCIDENT_TYPES = "incidentTypes";
    /** The re-analysis run a stored frame was sent again for (absent on live frames). */
    public static final String PROP_REANALYSIS_RUN_ID = "reanalysisRunId";
    /** Why a frame was dead-lettered without retry. */
    public static final String PROP_FAILURE_REASON = "failureReason";
    /** Artemis message grouping: an attempt's frames reach one consumer, in order. */
    public static final String PROP_GROUP_ID = "JMSXGroupID";

    private Queues() {
    }
}
