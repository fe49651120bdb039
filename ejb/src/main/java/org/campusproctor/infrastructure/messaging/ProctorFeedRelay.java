package org.campusproctor.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Default;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import org.campusproctor.contract.vision.VisionMessages;
import org.campusproctor.domain.attempt.AttemptChanged;
import org.campusproctor.domain.media.FrameAnalysed;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Publishes what the proctor feed and the candidates' pages show on the broker's {@code proctor-feed} topic once the
 * transaction that recorded it has committed (never for one rolled back). Every node (this one included) consumes the
 * topic with {@code ProctorFeedListener} and pushes to its own sockets, so a proctor connected to any node hears of
 * frames analysed and actions taken on every other.
 * <p>
 * After the commit, not inside it: a send in the recording transaction would make every analysed frame's transaction
 * a two-phase commit over the database and the broker, for a message that is only a live view of rows already
 * committed (a page that reconnects reloads them). The messages leave in commit order from one sender at a time on
 * the server's managed executor; the backlog is bounded, and a message that cannot be sent is logged and dropped.
 */
@ApplicationScoped
public class ProctorFeedRelay {

    /** The topic (a multicast address on the broker). */
    public static final String TOPIC = "proctor-feed";
    /** Message property naming the event's type. */
    public static final String PROP_EVENT = "feedEvent";
    public static final String FRAME_ANALYSED = "frame-analysed";
    public static final String ATTEMPT_CHANGED = "attempt-changed";

    /** Feed messages waiting while the broker is slow or away; beyond this the oldest go (the database has them). */
    static final int MAX_WAITING = 10_000;

    private static final Logger LOG = Logger.getLogger(ProctorFeedRelay.class.getName());

    private record FeedMessage(String type, String json) {
    }

    private final Queue<FeedMessage> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();

    @Resource
    private ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    private ConnectionFactory connections;

    void frameAnalysed(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default FrameAnalysed event) {
        publish(FRAME_ANALYSED, VisionMessages.toJson(event));
    }

    void attemptChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default AttemptChanged event) {
        publish(ATTEMPT_CHANGED, VisionMessages.toJson(event));
    }

    private void publish(String type, String json) {
        waiting.add(new FeedMessage(type, json));
        if (waitingCount.incrementAndGet() > MAX_WAITING && waiting.poll() != null) {
            waitingCount.decrementAndGet();
            LOG.warning("Proctor feed backlog full: the oldest message was dropped (proctors' pages reload on reconnect)");
        }
        startSender();
    }

    private void startSender() {
        if (sending.compareAndSet(false, true)) {
            try {
                executor.execute(this::sendWaiting);
            } catch (RuntimeException e) { // executor shutting down with the application
                sending.set(false);
                LOG.warning(() -> "Proctor feed not sent: " + e);
            }
        }
    }

    /** One sender at a time, so the topic gets the messages in the order their transactions committed. */
    private void sendWaiting() {
        try (JMSContext jms = connections.createContext()) {
            Topic topic = jms.createTopic(TOPIC);
            JMSProducer producer = jms.createProducer();
            FeedMessage message;
            while ((message = waiting.poll()) != null) {
                waitingCount.decrementAndGet();
                producer.setProperty(PROP_EVENT, message.type()).send(topic, message.json());
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Proctor feed message not sent: " + e);
        } finally {
            sending.set(false);
        }
        if (!waiting.isEmpty()) {
            startSender();
        }
    }
}
