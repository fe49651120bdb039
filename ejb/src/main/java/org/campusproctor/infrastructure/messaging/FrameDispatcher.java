package org.campusproctor.infrastructure.messaging;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import org.campusproctor.contract.vision.FrameToAnalyse;
import org.campusproctor.contract.vision.Queues;
import org.campusproctor.contract.vision.VisionMessages;

/**
 * Puts a stored frame on the {@code frames} queue. Runs in the caller's transaction (the container's JMSContext
 * is XA), so the frame row and its message commit or roll back together.
 */
@Stateless
public class FrameDispatcher {

    @Inject
    private JMSContext jms;

    public void dispatch(FrameToAnalyse frame) {
        try {
            Message message = jms.createTextMessage(VisionMessages.toJson(frame));
            message.setStringProperty(Queues.PROP_MEDIA_ID, frame.mediaId());
            message.setStringProperty(Queues.PROP_ATTEMPT_ID, frame.attemptId());
            // message group per attempt: its frames reach one consumer, in order (the vision worker's incident
            // rules keep per-attempt state over time)
            message.setStringProperty(Queues.PROP_GROUP_ID, frame.attemptId());
            jms.createProducer().send(jms.createQueue(Queues.FRAMES), message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not queue frame " + frame.mediaId() + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
