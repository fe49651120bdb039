package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.campusproctor.infrastructure.messaging.DeadLetterBrowser;

/** Operations: what is parked on a dead-letter queue and why (admins), and a replay onto the original queue. */
@Path("admin/dead-letters")
public class DeadLetterResource {

    @Inject
    private DeadLetterBrowser browser;

    @GET
    @Path("{queue}")
    @Produces(MediaType.APPLICATION_JSON)
    public DeadLetterBrowser.DeadLetters list(@PathParam("queue") String queue,
                                              @QueryParam("limit") @DefaultValue("100") int limit) {
        return browser.browse(queue, limit);
    }

    /** Moves one parked message (by its jmsMessageId) back onto the queue it came from. */
    @jakarta.ws.rs.POST
    @Path("{queue}/{messageId}/replay")
    public jakarta.ws.rs.core.Response replay(@PathParam("queue") String queue, @PathParam("messageId") String messageId) {
        browser.replay(queue, messageId);
        return jakarta.ws.rs.core.Response.noContent().build();
    }
}
