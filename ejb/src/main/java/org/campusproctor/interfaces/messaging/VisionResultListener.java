package org.campusproctor.interfaces.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.campusproctor.application.VisionResultRecorder;
import org.campusproctor.contract.vision.FrameAnalysisReport;
import org.campusproctor.contract.vision.Queues;
import org.campusproctor.contract.vision.VisionMessages;

import java.util.logging.Logger;

/**
 * Consumes {@code vision-results}. A thin adapter: reads the {@link FrameAnalysisReport}, hands it to the application
 * service, and rethrows on failure so Artemis redelivers and finally dead-letters the message.
 * <p>
 * Delivery is not part of the recording's transaction: {@link VisionResultRecorder} commits its rows in a transaction
 * of the database alone (one phase), and the message is acknowledged after that commit. This is as safe as one XA
 * transaction over both, and spares every frame's result a two-phase commit (a prepare in the broker's journal and a
 * transaction log record): a failure before the commit leaves the message unacknowledged, so it is redelivered (the
 * resource adapter rolls its session back, with the same back-off and dead-lettering); a crash between the commit
 * and the acknowledgement redelivers a report the recorder finds recorded already and ignores (it is idempotent).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Queues.VISION_RESULTS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VisionResultListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(VisionResultListener.class.getName());

    @Inject
    private VisionResultRecorder recorder;

    @Override
    public void onMessage(Message message) {
        try {
            String json = ((TextMessage) message).getText();
            recorder.record(VisionMessages.fromJson(json, FrameAnalysisReport.class), json);
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> "Vision result not recorded (will be redelivered, then dead-lettered): " + e);
            throw new IllegalStateException("Cannot record vision result: " + e.getMessage(), e);
        }
    }
}
