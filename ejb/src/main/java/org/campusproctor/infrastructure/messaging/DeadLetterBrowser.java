package org.campusproctor.infrastructure.messaging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import org.campusproctor.contract.vision.Queues;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.identity.Role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Operations: what is parked on a dead-letter queue and why, and replaying one message onto the queue it came from
 * (after a model or configuration fix). Browsing consumes nothing; a replay moves the one message in one transaction.
 * Admins only.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class DeadLetterBrowser {

    /** The first messages parked on a dead-letter queue, each as its properties (the failure reason among them). */
    public record DeadLetters(String queue, int count, List<Map<String, String>> messages) {
    }

    private static final Set<String> QUEUES = Set.of(Queues.FRAMES_DLQ, Queues.VISION_RESULTS_DLQ);

    @Inject
    private JMSContext jms;

    /** The queues of the vision pipeline, in the order the system page lists them. */
    public static final List<String> PIPELINE_QUEUES = List.of(Queues.FRAMES, Queues.VISION_RESULTS, Queues.FRAMES_DLQ,
            Queues.VISION_RESULTS_DLQ);

    /**
     * How many messages wait on each queue of the vision pipeline, browsed (nothing is consumed) and counted up to
     * {@code cap} (a count of cap means "at least"); messages being processed right now are not waiting.
     */
    public Map<String, Integer> depths(int cap) {
        Map<String, Integer> depths = new java.util.LinkedHashMap<>();
        for (String queue : PIPELINE_QUEUES) {
            int count = 0;
            try (QueueBrowser browser = jms.createBrowser(jms.createQueue(queue))) {
                Enumeration<?> messages = browser.getEnumeration();
                while (count < cap && messages.hasMoreElements()) {
                    messages.nextElement();
                    count++;
                }
            } catch (JMSException e) {
                throw new IllegalStateException("Cannot browse " + queue + ": " + e.getMessage(), e);
            }
            depths.put(queue, count);
        }
        return depths;
    }

    /** @param limit at most this many messages, 1..1000 */
    public DeadLetters browse(String queue, int limit) {
        if (!QUEUES.contains(queue)) {
            throw new NotFoundException("Dead-letter queue", queue);
        }
        List<Map<String, String>> items = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(jms.createQueue(queue))) {
            @SuppressWarnings("unchecked")
            Enumeration<Message> messages = browser.getEnumeration();
            int max = Math.max(1, Math.min(limit, 1000));
            while (messages.hasMoreElements() && items.size() < max) {
                Message m = messages.nextElement();
                Map<String, String> item = new TreeMap<>();
                item.put("jmsTimestamp", Long.toString(m.getJMSTimestamp()));
                item.put("jmsMessageId", m.getJMSMessageID());
                @SuppressWarnings("unchecked")
                Enumeration<String> names = m.getPropertyNames();
                for (String name : Collections.list(names)) {
                    Object v = m.getObjectProperty(name);
                    if (v != null && !name.startsWith("_AMQ")) {
                        item.put(name, v.toString());
                    }
                }
                items.add(item);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse " + queue + ": " + e.getMessage(), e);
        }
        return new DeadLetters(queue, items.size(), items);
    }

    /**
     * Moves one parked message back onto its original queue (body and application properties, without the failure
     * reason), in the caller's transaction; it is audited.
     *
     * @throws NotFoundException when the queue is not a dead-letter queue or holds no message of that id
     */
    public void replay(String queue, String messageId) {
        if (!QUEUES.contains(queue)) {
            throw new NotFoundException("Dead-letter queue", queue);
        }
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
            throw new NotFoundException("Dead letter", messageId);
        }
        String target = queue.equals(Queues.FRAMES_DLQ) ? Queues.FRAMES : Queues.VISION_RESULTS;
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(queue), "JMSMessageID = '" + messageId + "'")) {
            Message parked = consumer.receive(2_000);
            if (parked == null) {
                throw new NotFoundException("Dead letter", messageId);
            }
            Message copy = jms.createTextMessage(parked.getBody(String.class));
            @SuppressWarnings("unchecked")
            Enumeration<String> names = parked.getPropertyNames();
            for (String name : Collections.list(names)) {
                if (!name.startsWith("_AMQ") && !name.startsWith("JMSX") && !name.equals("failureReason")) {
                    copy.setObjectProperty(name, parked.getObjectProperty(name));
                }
            }
            jms.createProducer().send(jms.createQueue(target), copy);
            audit.record("DEAD_LETTER_REPLAYED", "message", messageId, queue + " → " + target);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot replay " + messageId + " from " + queue + ": " + e.getMessage(), e);
        }
    }

    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile("ID:[A-Za-z0-9-]{1,100}");

    @Inject
    private org.campusproctor.application.AuditLog audit;
}
