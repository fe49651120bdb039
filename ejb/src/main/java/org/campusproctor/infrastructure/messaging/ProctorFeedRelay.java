package org.campusproctor.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import org.campusproctor.contract.vision.VisionMessages;
import org.campusproctor.domain.attempt.AttemptChanged;
import org.campusproctor.domain.media.FrameAnalysed;

/**
 * Publishes what the proctor feed and the candidates' pages show on the broker's {@code proctor-feed} topic, inside
 * the transaction that records it (the container's JMSContext is XA): the message exists once the result, incident or
 * transition is committed, and never for one rolled back. Every node (this one included) consumes the topic with
 * {@code ProctorFeedListener} and pushes to its own sockets, so a proctor connected to any node hears of frames
 * analysed and actions taken on every other.
 */
@ApplicationScoped
public class ProctorFeedRelay {

    /** The topic (a multicast address on the broker). */
    public static final String TOPIC = "proctor-feed";
    /** Message property naming the event's type. */
    public static final String PROP_EVENT = "feedEvent";
    public static final String FRAME_ANALYSED = "frame-analysed";
    public static final String ATTEMPT_CHANGED = "attempt-changed";

    @Inject
    private JMSContext jms;

    void frameAnalysed(@Observes @Default FrameAnalysed event) {
        publish(FRAME_ANALYSED, VisionMessages.toJson(event));
    }

    void attemptChanged(@Observes @Default AttemptChanged event) {
        publish(ATTEMPT_CHANGED, VisionMessages.toJson(event));
    }

    private void publish(String type, String json) {
        jms.createProducer().setProperty(PROP_EVENT, type).send(jms.createTopic(TOPIC), json);
    }
}
