package org.campusproctor.interfaces.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.campusproctor.application.Broadcast;
import org.campusproctor.contract.vision.VisionMessages;
import org.campusproctor.domain.attempt.AttemptChanged;
import org.campusproctor.domain.media.FrameAnalysed;
import org.campusproctor.infrastructure.messaging.ProctorFeedRelay;

import java.util.logging.Logger;

/**
 * This node's subscription to the {@code proctor-feed} topic: each committed feed event, from whichever node recorded
 * it, is fired here as a {@link Broadcast} event for this node's sockets. Non-durable (a node that is down has no
 * sockets to push to; a proctor's page catches up or reloads on reconnecting) and one session, so that this node sees
 * the events in the order the broker received them. A malformed message is logged and dropped: redelivering it would
 * not make it readable, and the feed is a live view of what the database already holds.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ProctorFeedRelay.TOPIC),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class ProctorFeedListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ProctorFeedListener.class.getName());

    @Inject
    private BeanManager beans;

    @Override
    public void onMessage(Message message) {
        try {
            String type = message.getStringProperty(ProctorFeedRelay.PROP_EVENT);
            String json = message.getBody(String.class);
            Object event = switch (type == null ? "" : type) {
                case ProctorFeedRelay.FRAME_ANALYSED -> VisionMessages.fromJson(json, FrameAnalysed.class);
                case ProctorFeedRelay.ATTEMPT_CHANGED -> VisionMessages.fromJson(json, AttemptChanged.class);
                default -> null;
            };
            if (event == null) {
                LOG.warning(() -> "Proctor feed message of unknown type " + type + " dropped");
                return;
            }
            beans.getEvent().select(Broadcast.Literal.INSTANCE).fire(event);
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> "Proctor feed message not pushed: " + e);
        }
    }
}
