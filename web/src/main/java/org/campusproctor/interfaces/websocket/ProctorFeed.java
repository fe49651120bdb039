package org.campusproctor.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import jakarta.websocket.Session;
import org.campusproctor.domain.attempt.AttemptChanged;
import org.campusproctor.domain.media.FrameAnalysed;

import java.io.StringReader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The proctors' live feed: every recorded frame analysis and every attempt change (transitions, proctor actions,
 * incidents with the new risk score), pushed to every open feed socket after commit. Only proctors and admins can
 * open the socket (web.xml security constraint on /ws/*).
 */
@ApplicationScoped
public class ProctorFeed {

    private static final Logger LOG = Logger.getLogger(ProctorFeed.class.getName());
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();

    void join(Session session) {
        sessions.add(session);
    }

    void leave(Session session) {
        sessions.remove(session);
    }

    void onFrameAnalysed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FrameAnalysed event) {
        var json = Json.createObjectBuilder()
                .add("type", "frame-analysed")
                .add("mediaId", event.mediaId())
                .add("attemptRef", event.attemptRef())
                .add("status", event.status())
                .add("workerNode", event.workerNode())
                .add("detail", Json.createReader(new StringReader(event.detailJson())).readObject());
        if (event.faceCount() != null) {
            json.add("faceCount", event.faceCount());
        }
        push(json.build().toString());
    }

    void onAttemptChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttemptChanged event) {
        var json = Json.createObjectBuilder()
                .add("type", "attempt-changed")
                .add("attemptId", event.attemptId())
                .add("attemptRef", event.attemptId())
                .add("candidate", event.candidate())
                .add("kind", event.kind())
                .add("action", event.action())
                .add("status", event.status())
                .add("riskScore", event.riskScore());
        if (event.proctor() != null) {
            json.add("proctor", event.proctor());
        }
        if (event.detail() != null) {
            json.add("detail", event.detail());
        }
        push(json.build().toString());
    }

    private void push(String text) {
        for (Session session : sessions) {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText(text, result -> {
                    if (!result.isOK()) {
                        LOG.fine(() -> "Push to " + session.getId() + " failed: " + result.getException());
                    }
                });
            } else {
                sessions.remove(session);
            }
        }
    }
}
