package org.campusproctor.infrastructure.messaging;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import org.campusproctor.domain.media.StoredMedia;

/**
 * Puts a stored frame on the {@code frames} queue. Runs in the caller's transaction (the container's JMSContext
 * is XA), so the frame row and its message commit or roll back together.
 */
@Stateless
public class FrameDispatcher {

    @Inject
    private JMSContext jms;

    /** @param incidentThresholds the exam's threshold overrides (JSON) for the worker's rules, or null for defaults */
    public void dispatch(StoredMedia frame, String incidentThresholds) {
        try {
            Message message = jms.createMessage();
            message.setStringProperty(Queues.PROP_MEDIA_ID, frame.id());
            message.setStringProperty(Queues.PROP_ATTEMPT_REF, frame.attemptRef());
            message.setStringProperty(Queues.PROP_STORAGE_KEY, frame.storageKey());
            message.setLongProperty(Queues.PROP_CAPTURED_AT, frame.capturedAt().toEpochMilli());
            if (incidentThresholds != null) {
                message.setStringProperty(Queues.PROP_INCIDENT_THRESHOLDS, incidentThresholds);
            }
            // message group per attempt: its frames reach one consumer, in order (the vision worker's incident
            // rules keep per-attempt state over time)
            message.setStringProperty("JMSXGroupID", frame.attemptRef());
            jms.createProducer().send(jms.createQueue(Queues.FRAMES), message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not queue frame " + frame.id() + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
