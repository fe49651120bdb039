package org.campusproctor.vision.interfaces.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.campusproctor.contract.media.MediaNotFoundException;
import org.campusproctor.contract.vision.FrameAnalysisReport;
import org.campusproctor.contract.vision.FrameToAnalyse;
import org.campusproctor.contract.vision.Queues;
import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.contract.vision.VisionMessages;
import org.campusproctor.vision.application.FrameAnalyser;
import org.campusproctor.vision.pipeline.CorruptFrameException;
import org.campusproctor.vision.pipeline.ModelUnavailableException;

import java.util.Collections;
import java.util.Enumeration;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Consumes {@code frames}: reads the {@link FrameToAnalyse}, has it analysed and answers on {@code vision-results}
 * with the {@link FrameAnalysisReport}. A frame that can never be analysed (malformed message, corrupt image, missing
 * model, frame purged before analysis) is forwarded at once to the dead-letter queue with its reason; any other
 * failure is rethrown, so Artemis redelivers with back-off and dead-letters after the configured attempts. Either
 * way the worker keeps consuming.
 * <p>
 * Concurrency: {@code maxSession} parallel consumers per node from {@code campusproctor.vision.max-session}
 * (needs WildFly's {@code annotation-property-replacement}, enabled by server-config).
 * <p>
 * Delivery is not transacted: the frame is acknowledged after its report is sent (a persistent send, which returns
 * once the broker has it). A node that dies while analysing leaves its frames unacknowledged, and the broker hands
 * them at once to the consumers of the other nodes; a two-phase commit would instead keep every frame caught between
 * prepare and commit locked on the broker until that node came back. A death between the send and the acknowledgement
 * analyses the frame twice; the recorder keeps the first report and ignores the second. A failure rolls the session
 * back, so the frame is redelivered with the broker's back-off and dead-lettered after its attempts, as before.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Queues.FRAMES),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${campusproctor.vision.max-session:2}")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FrameAnalysisWorker implements MessageListener {

    private static final Logger LOG = Logger.getLogger(FrameAnalysisWorker.class.getName());

    @Inject
    private FrameAnalyser analyser;

    @Inject
    private JMSContext jms;

    @Override
    public void onMessage(Message message) {
        String mediaId = null;
        try {
            mediaId = message.getStringProperty(Queues.PROP_MEDIA_ID);
            FrameToAnalyse frame = VisionMessages.fromJson(((TextMessage) message).getText(), FrameToAnalyse.class);
            mediaId = frame.mediaId();
            FrameAnalysisReport report = analyser.analyse(frame);
            Message result = jms.createTextMessage(VisionMessages.toJson(report));
            result.setStringProperty(Queues.PROP_MEDIA_ID, report.mediaId());
            result.setStringProperty(Queues.PROP_ATTEMPT_ID, report.attemptId());
            result.setStringProperty(Queues.PROP_WORKER_NODE, report.workerNode());
            if (!report.incidents().isEmpty()) {
                result.setStringProperty(Queues.PROP_INCIDENT_TYPES,
                        report.incidents().stream().map(i -> i.type().name()).collect(Collectors.joining(",")));
                LOG.info(() -> "Attempt " + frame.attemptId() + ": "
                        + report.incidents().stream().map(VisionIncident::message).toList());
            }
            jms.createProducer().send(jms.createQueue(Queues.VISION_RESULTS), result);
        } catch (ClassCastException | VisionMessages.MalformedMessageException | CorruptFrameException
                 | ModelUnavailableException | MediaNotFoundException e) {
            deadLetter(message, mediaId, e);
        } catch (JMSException e) {
            throw new IllegalStateException("JMS failure on frame " + mediaId + ": " + e.getMessage(), e);
        }
    }

    private void deadLetter(Message message, String mediaId, RuntimeException cause) {
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        LOG.log(Level.WARNING, "Frame {0} dead-lettered: {1}", new Object[]{mediaId, reason});
        try {
            Message copy = message instanceof TextMessage text ? jms.createTextMessage(text.getText()) : jms.createMessage();
            @SuppressWarnings("unchecked")
            Enumeration<String> names = message.getPropertyNames();
            for (String name : Collections.list(names)) {
                if (!name.startsWith("JMSX") && !name.startsWith("_AMQ")) {
                    copy.setObjectProperty(name, message.getObjectProperty(name));
                }
            }
            copy.setStringProperty(Queues.PROP_FAILURE_REASON, reason);
            jms.createProducer().send(jms.createQueue(Queues.FRAMES_DLQ), copy);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not dead-letter frame " + mediaId + ": " + e.getMessage(), e);
        }
    }
}
