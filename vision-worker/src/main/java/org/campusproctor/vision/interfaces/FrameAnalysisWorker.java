package org.campusproctor.vision.interfaces;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.campusproctor.infrastructure.messaging.Queues;
import org.campusproctor.infrastructure.storage.MediaNotFoundException;
import org.campusproctor.infrastructure.storage.MediaStore;
import org.campusproctor.vision.incidents.Incident;
import org.campusproctor.vision.pipeline.CorruptFrameException;
import org.campusproctor.vision.pipeline.FrameAnalysis;
import org.campusproctor.vision.pipeline.FramePipeline;
import org.campusproctor.vision.pipeline.ModelUnavailableException;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Consumes {@code frames}: loads the frame from the media store, runs the vision pipeline, feeds the attempt's
 * incident rules and answers on {@code vision-results} with the full analysis and the incidents it raised
 * ({@code "incidents":[...]}). A frame that can never be analysed (corrupt image), a missing model or a frame purged
 * before it was analysed is forwarded at once to the dead-letter queue with its reason; any other failure is
 * rethrown, so Artemis redelivers with back-off and dead-letters after the configured attempts. Either way the
 * worker keeps consuming.
 * <p>
 * Concurrency: {@code maxSession} parallel consumers per node, from the system property
 * {@code campusproctor.vision.max-session} (default 2: one inference per core on a 2-core worker). This needs
 * WildFly's {@code annotation-property-replacement} (enabled by server-config's configure.cli).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Queues.FRAMES),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${campusproctor.vision.max-session:2}")
})
public class FrameAnalysisWorker implements MessageListener {

    /** Where unanalysable frames go, with {@link #PROP_FAILURE} set. Created by server-config. */
    public static final String DEAD_LETTERS = "frames.dlq";
    public static final String PROP_FAILURE = "failureReason";
    public static final String PROP_INCIDENTS = "incidentTypes";

    private static final Logger LOG = Logger.getLogger(FrameAnalysisWorker.class.getName());

    @Inject
    private MediaStore mediaStore;

    @Inject
    private VisionPipelineHolder pipeline;

    @Inject
    private IncidentTracker incidents;

    @Inject
    private EnrolmentEmbeddings enrolments;

    @Inject
    private JMSContext jms;

    @Override
    public void onMessage(Message message) {
        String mediaId = null;
        try {
            mediaId = message.getStringProperty(Queues.PROP_MEDIA_ID);
            String attemptRef = message.getStringProperty(Queues.PROP_ATTEMPT_REF);
            String key = message.getStringProperty(Queues.PROP_STORAGE_KEY);
            long capturedAt = message.propertyExists(Queues.PROP_CAPTURED_AT)
                    ? message.getLongProperty(Queues.PROP_CAPTURED_AT) : message.getJMSTimestamp();
            FramePipeline p = pipeline.get();
            float[] enrolment = enrolments.lookup(message.getStringProperty(EnrolmentEmbeddings.PROP_ENROLMENT_KEY), p);
            FrameAnalysis analysis = p.analyse(mediaStore.get(key), enrolment);
            if (attemptRef != null) {
                incidents.thresholdsOf(attemptRef, message.getStringProperty(Queues.PROP_INCIDENT_THRESHOLDS));
            }
            List<Incident> raised = attemptRef == null ? List.of()
                    : incidents.detector().onFrame(attemptRef, mediaId, capturedAt, analysis);
            JsonArrayBuilder incidentArray = Json.createArrayBuilder();
            raised.forEach(i -> incidentArray.add(i.toJson()));
            String json = analysis.toJsonBuilder()
                    .add("mediaId", mediaId)
                    .add("attemptRef", attemptRef == null ? "" : attemptRef)
                    .add("capturedAtMillis", capturedAt)
                    .add("workerNode", VisionPipelineHolder.NODE)
                    .add("incidents", incidentArray)
                    .build().toString();
            Message result = jms.createTextMessage(json);
            result.setStringProperty(Queues.PROP_MEDIA_ID, mediaId);
            result.setStringProperty(Queues.PROP_ATTEMPT_REF, attemptRef);
            result.setStringProperty(Queues.PROP_STATUS, "ANALYSED");
            if (analysis.faceCount() != null) {
                result.setIntProperty("faceCount", analysis.faceCount());
            }
            if (!raised.isEmpty()) {
                result.setStringProperty(PROP_INCIDENTS,
                        raised.stream().map(i -> i.type().name()).collect(Collectors.joining(",")));
                LOG.info(() -> "Attempt " + attemptRef + ": " + raised.stream().map(Incident::message).toList());
            }
            result.setStringProperty(Queues.PROP_WORKER_NODE, VisionPipelineHolder.NODE);
            jms.createProducer().send(jms.createQueue(Queues.VISION_RESULTS), result);
        } catch (CorruptFrameException | ModelUnavailableException | MediaNotFoundException e) {
            deadLetter(message, mediaId, e);
        } catch (JMSException e) {
            throw new IllegalStateException("JMS failure on frame " + mediaId + ": " + e.getMessage(), e);
        }
    }

    private void deadLetter(Message message, String mediaId, RuntimeException cause) {
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        LOG.log(Level.WARNING, "Frame {0} dead-lettered: {1}", new Object[]{mediaId, reason});
        try {
            Message copy = jms.createMessage();
            for (String name : java.util.Collections.list((java.util.Enumeration<String>) message.getPropertyNames())) {
                if (!name.startsWith("JMSX") && !name.startsWith("_AMQ")) {
                    copy.setObjectProperty(name, message.getObjectProperty(name));
                }
            }
            copy.setStringProperty(PROP_FAILURE, reason);
            jms.createProducer().send(jms.createQueue(DEAD_LETTERS), copy);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not dead-letter frame " + mediaId + ": " + e.getMessage(), e);
        }
    }
}
