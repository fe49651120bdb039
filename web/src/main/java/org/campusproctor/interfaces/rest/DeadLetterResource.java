package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.campusproctor.contract.vision.Queues;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Operations: what is parked on a dead-letter queue and why (browse only, nothing is consumed). Under /api/admin,
 * to be restricted to administrators by the security configuration.
 */
@Path("admin/dead-letters")
public class DeadLetterResource {

    /** The first messages parked on a dead-letter queue, each as its properties (the failure reason among them). */
    public record DeadLetters(String queue, int count, List<Map<String, String>> messages) {
    }

    private static final Set<String> QUEUES = Set.of(Queues.FRAMES_DLQ, Queues.VISION_RESULTS_DLQ);

    @Inject
    private JMSContext jms;

    @GET
    @Path("{queue}")
    @Produces(MediaType.APPLICATION_JSON)
    public DeadLetters list(@PathParam("queue") String queue, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (!QUEUES.contains(queue)) {
            throw new NotFoundException("No dead-letter queue " + queue);
        }
        List<Map<String, String>> items = new ArrayList<>();
        int count = 0;
        try (QueueBrowser browser = jms.createBrowser(jms.createQueue(queue))) {
            @SuppressWarnings("unchecked")
            Enumeration<Message> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && count < Math.max(1, Math.min(limit, 1000))) {
                Message m = messages.nextElement();
                Map<String, String> item = new TreeMap<>();
                item.put("jmsTimestamp", Long.toString(m.getJMSTimestamp()));
                for (String name : Collections.list((Enumeration<String>) m.getPropertyNames())) {
                    Object v = m.getObjectProperty(name);
                    if (v != null && !name.startsWith("_AMQ")) {
                        item.put(name, v.toString());
                    }
                }
                items.add(item);
                count++;
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse " + queue + ": " + e.getMessage(), e);
        }
        return new DeadLetters(queue, count, items);
    }
}
