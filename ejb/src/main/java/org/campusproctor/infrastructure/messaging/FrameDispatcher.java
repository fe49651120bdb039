package org.campusproctor.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
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
 * is XA), so the frame row and its message commit or roll back together: its callers are transactional services
 * (a plain CDI bean, not an EJB: every upload calls it, and it needs no container service of its own). A
 * re-analysis's frames go at the lowest JMS priority, so live exams' frames waiting beside them are delivered first,
 * and in a message group of their run and attempt, in order on one consumer like a live attempt's.
 */
@ApplicationScoped
public class FrameDispatcher {

    /** Below every live frame's (the JMS default, 4). */
    static final int REANALYSIS_PRIORITY = 1;

    @Inject
    private JMSContext jms;

    public void dispatch(FrameToAnalyse frame) {
        try {
            Message message = jms.createTextMessage(VisionMessages.toJson(frame));
            message.setStringProperty(Queues.PROP_MEDIA_ID, frame.mediaId());
            message.setStringProperty(Queues.PROP_ATTEMPT_ID, frame.attemptId());
            // message group per attempt: its frames reach one consumer, in order (the vision worker's incident
            // rules keep per-attempt state over time)
            boolean reanalysis = frame.reanalysisRunId() != null;
            message.setStringProperty(Queues.PROP_GROUP_ID, reanalysis
                    ? "reanalysis-" + frame.reanalysisRunId() + "/" + frame.attemptId() : frame.attemptId());
            if (reanalysis) {
                message.setStringProperty(Queues.PROP_REANALYSIS_RUN_ID, frame.reanalysisRunId());
            }
            jms.createProducer().setPriority(reanalysis ? REANALYSIS_PRIORITY : Message.DEFAULT_PRIORITY)
                    .send(jms.createQueue(Queues.FRAMES), message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not queue frame " + frame.mediaId() + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
