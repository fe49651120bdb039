package org.campusproctor.vision.interfaces;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.campusproctor.infrastructure.messaging.Queues;
import org.campusproctor.infrastructure.storage.MediaNotFoundException;
import org.campusproctor.infrastructure.storage.MediaStore;
import org.campusproctor.vision.pipeline.CorruptFrameException;
import org.campusproctor.vision.pipeline.FrameAnalysis;
import org.campusproctor.vision.pipeline.ModelUnavailableException;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes {@code frames}: loads the frame from the media store, runs the vision pipeline and answers on
 * {@code vision-results}. A frame that can never be analysed (corrupt image) or a missing model is forwarded at once
 * to the dead-letter queue with its reason (as is a frame purged before it was analysed); any other failure is rethrown, so Artemis redelivers with back-off and
 * dead-letters after the configured attempts. Either way the worker keeps consuming.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Queues.FRAMES),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false")
})
public class FrameAnalysisWorker implements MessageListener {

    /** Where unanalysable frames go, with {@link #PROP_FAILURE} set. Created by server-config. */
    public static final String DEAD_LETTERS = "frames.dlq";
    public static final String PROP_FAILURE = "failureReason";

    private static final Logger LOG = Logger.getLogger(FrameAnalysisWorker.class.getName());

    @Inject
    private MediaStore mediaStore;

    @Inject
    private VisionPipelineHolder pipeline;

    @Inject
    private JMSContext jms;

    @Override
    public void onMessage(Message message) {
        String mediaId = null;
        try {
            mediaId = message.getStringProperty(Queues.PROP_MEDIA_ID);
            String key = message.getStringProperty(Queues.PROP_STORAGE_KEY);
            FrameAnalysis analysis = pipeline.get().analyse(mediaStore.get(key));
            Message result = jms.createTextMessage(analysis.toJson());
            result.setStringProperty(Queues.PROP_MEDIA_ID, mediaId);
            result.setStringProperty(Queues.PROP_ATTEMPT_REF, message.getStringProperty(Queues.PROP_ATTEMPT_REF));
            result.setStringProperty(Queues.PROP_STATUS, "ANALYSED");
            if (analysis.faceCount() != null) {
                result.setIntProperty("faceCount", analysis.faceCount());
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
