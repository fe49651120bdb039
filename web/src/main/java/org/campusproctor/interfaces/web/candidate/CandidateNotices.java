package org.campusproctor.interfaces.web.candidate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.campusproctor.application.Broadcast;
import org.campusproctor.domain.attempt.AttemptChanged;
import org.omnifaces.cdi.Push;
import org.omnifaces.cdi.PushContext;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes what a proctor (or the deadline sweep) did to an attempt, on whichever node ({@link Broadcast}), to that
 * attempt's candidate only: the user-targeted
 * OmniFaces channel reaches the sockets ({@code <o:socket channel="attempt">}) of that user's sessions. Only the
 * actions the exam page reacts to go out; incidents and risk scores never reach the candidate.
 */
@ApplicationScoped
public class CandidateNotices {

    private static final Logger LOG = Logger.getLogger(CandidateNotices.class.getName());

    static final Set<String> FOR_CANDIDATE = Set.of("MESSAGED", "WARNED", "PAUSED", "RESUMED", "TIME_ADDED",
            "TERMINATED", "ERROR", "IDENTITY_VERIFIED", "EXPIRED");

    /**
     * Made when the first event is observed: on the proctor-feed listener's thread, which fires every broadcast event,
     * never inside a Faces request (OmniFaces' push context, made inside one, would look for that request's view scope
     * and fail).
     */
    @Inject
    @Push(channel = "attempt")
    private PushContext attempt;

    void onAttemptChanged(@Observes @Broadcast AttemptChanged event) {
        if (event.candidate() == null || !FOR_CANDIDATE.contains(event.action())) {
            return;
        }
        String message = Json.createObjectBuilder().add("attemptId", event.attemptId()).add("action", event.action())
                .add("status", event.status()).add("detail", event.detail() == null ? "" : event.detail())
                .add("sentAt", System.currentTimeMillis()).build().toString();
        try {
            attempt.send(message, event.candidate());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notice to the candidate of attempt " + event.attemptId() + " not pushed", e);
        }
    }
}
